import type { Actor } from "../auth/actor";
import type { Db } from "../db";
import { AppError, notFound } from "../errors";
import { newId } from "../ids";
import { resolveSpeaker } from "../people/resolve-speaker";
import { resolveSpans } from "../spans/resolve-spans";
import { parseInput } from "../validation";
import { bumpVersion } from "./bump-version";
import { VERDICT_FIELDS } from "./changed-since-verdict-sql";
import { getClaim, type ClaimDetail } from "./get-claim";
import { type FieldChanges, recordEdit } from "./record-edit";
import { updateClaimInput } from "./schemas";

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Edits a claim's text, date, spans or attribution, only at the version the editor saw
 * (409 otherwise). The before and after of each changed field go into the history.
 */
export async function updateClaim(db: Db, options: { actor: Actor; claimId: string; input: unknown }): Promise<ClaimDetail> {
  const { claimId } = options;
  if (!(await db.claim.findUnique({ where: { id: claimId }, select: { id: true } }))) throw notFound("claim", claimId);
  const input = parseInput(updateClaimInput, options.input, "unprocessable");
  await db.$transaction(async (tx) => {
    const claim = await tx.claim.findUniqueOrThrow({
      where: { id: claimId },
      select: {
        text: true, asOf: true, version: true, status: true, sourceId: true, source: { select: { text: true } },
        spans: { orderBy: { start: "asc" }, select: { start: true, end: true, exact: true } },
        attribution: { select: { kind: true, personId: true, role: true } },
      },
    });
    // A stale version is a 409 whatever else is wrong with the edit.
    if (claim.version !== input.expectedVersion) await bumpVersion(tx, claimId, input.expectedVersion);
    const changes: FieldChanges = {};
    if (input.text !== undefined && input.text !== claim.text) changes.text = { from: claim.text, to: input.text };
    if (input.asOf !== undefined && (input.asOf ?? null) !== claim.asOf) changes.asOf = { from: claim.asOf, to: input.asOf ?? null };

    let spans: ReturnType<typeof resolveSpans> | undefined;
    if (input.spans) {
      spans = resolveSpans(claim.source.text, input.spans);
      const after = spans.map((s) => ({ start: s.start, end: s.end, exact: s.exact }));
      if (!sameJson(after, claim.spans)) changes.spans = { from: claim.spans, to: after };
      else spans = undefined;
    }
    let attribution: { kind: string; personId: string | null; role: string | null } | undefined;
    if (input.attribution) {
      const { personId } = await resolveSpeaker(tx, { ...input.attribution, newPerson: input.attribution.newPerson || input.newPerson });
      attribution = { kind: input.attribution.kind, personId, role: input.attribution.role ?? null };
      if (!sameJson(attribution, claim.attribution)) changes.attribution = { from: claim.attribution, to: attribution };
      else attribution = undefined;
    }
    if (Object.keys(changes).length === 0) throw new AppError("unprocessable", "Nothing to change: the claim already says that.");

    // A verdict belongs to the wording it judged: editing what the claim says marks it.
    const outdatesVerdict = claim.status !== "unreviewed" && VERDICT_FIELDS.some((f) => f in changes);
    const { version } = await bumpVersion(tx, claimId, input.expectedVersion, {
      ...(changes.text ? { text: input.text } : {}),
      ...(changes.asOf ? { asOf: input.asOf ?? null } : {}),
      ...(outdatesVerdict ? { changedSinceVerdict: true } : {}),
    });
    if (spans) {
      await tx.span.deleteMany({ where: { claimId } });
      await tx.span.createMany({ data: spans.map((s) => ({ id: newId(), claimId, sourceId: claim.sourceId, ...s })) });
    }
    if (attribution) {
      await tx.attribution.upsert({
        where: { claimId },
        update: attribution,
        create: { id: newId(), claimId, ...attribution },
      });
    }
    await recordEdit(tx, { claimId, version, actor: options.actor, changes });
  });
  return getClaim(db, claimId);
}
