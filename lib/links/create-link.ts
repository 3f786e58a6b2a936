import type { Actor } from "../auth/actor";
import { recordEdit } from "../claims/record-edit";
import type { Db, DbTx } from "../db";
import { AppError, notFound } from "../errors";
import { newId } from "../ids";
import { parseInput } from "../validation";
import { type ClaimLinkRecord, linkHistoryValues, toLinkRecord } from "./link-record";
import { claimIdFromReference } from "./link-text";
import { createLinkInput, type CreateLinkInput } from "./schemas";

export type CreateLinkOptions = { actor: Actor; claimId: string; input: unknown };

const claimSelect = { id: true, text: true, version: true } as const;

/**
 * An editor links claim `claimId` to another claim (it corroborates or contradicts it, or
 * states the same fact). One link per pair of claims, whichever way round (409). The link
 * goes into both claims' history at their current version: a link is about the claims,
 * not a change of what either says, so neither version moves (an open review form stays
 * valid).
 */
export async function createLink(db: Db, options: CreateLinkOptions): Promise<ClaimLinkRecord> {
  const { claimId, actor } = options;
  if (!(await db.claim.findUnique({ where: { id: claimId }, select: { id: true } }))) throw notFound("claim", claimId);
  const input = parseInput(createLinkInput, options.input, "unprocessable");
  return db.$transaction((tx) => createLinkIn(tx, { actor, claimId, input }));
}

/** createLink inside the caller's transaction (a new claim links the claims it repeats as it is created). */
export async function createLinkIn(tx: DbTx, options: { actor: Actor; claimId: string; input: CreateLinkInput }): Promise<ClaimLinkRecord> {
  const { claimId, actor, input } = options;
  const toClaimId = claimIdFromReference(input.toClaimId);
  if (toClaimId === claimId) throw new AppError("unprocessable", "A claim cannot be linked to itself.", { field: "toClaimId" });
  const note = input.note || null;
  const from = await tx.claim.findUnique({ where: { id: claimId }, select: claimSelect });
  if (!from) throw notFound("claim", claimId);
  const to = await tx.claim.findUnique({ where: { id: toClaimId }, select: claimSelect });
  if (!to) throw new AppError("unprocessable", `No claim with id "${toClaimId}" to link to.`, { field: "toClaimId" });
  const existing = await tx.claimLink.findFirst({
    where: { OR: [{ fromClaimId: from.id, toClaimId: to.id }, { fromClaimId: to.id, toClaimId: from.id }] },
    select: { id: true, fromClaimId: true, kind: true },
  });
  if (existing) {
    const owner = existing.fromClaimId === from.id ? "this claim" : "the other claim";
    throw new AppError("conflict", `These claims are already linked (${existing.kind}, from ${owner}); remove that link first.`, {
      linkId: existing.id,
    });
  }
  const created = await tx.claimLink.create({
    data: { id: newId(), fromClaimId: from.id, toClaimId: to.id, kind: input.kind, note, createdById: actor.id, createdByName: actor.name },
  });
  const { onFrom, onTo } = linkHistoryValues({ id: created.id, kind: input.kind, note }, from, to);
  await recordEdit(tx, { claimId: from.id, version: from.version, actor, changes: { link: { from: null, to: onFrom } } });
  await recordEdit(tx, { claimId: to.id, version: to.version, actor, changes: { link: { from: null, to: onTo } } });
  return toLinkRecord(created);
}
