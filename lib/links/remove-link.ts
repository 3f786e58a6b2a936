import type { Actor } from "../auth/actor";
import { recordEdit } from "../claims/record-edit";
import type { Db } from "../db";
import { AppError, notFound } from "../errors";
import { type ClaimLinkRecord, linkHistoryValues, toLinkRecord } from "./link-record";
import type { ClaimLinkKind } from "./link-text";

export type RemoveLinkOptions = { actor: Actor; claimId: string; linkId: string };

/**
 * Removes a link, from either of its claims' pages. The removal is appended to both
 * claims' history (at their current versions, as for creation); the history keeps
 * what the link said.
 */
export async function removeLink(db: Db, options: RemoveLinkOptions): Promise<ClaimLinkRecord> {
  const { actor, claimId, linkId } = options;
  const row = await db.$transaction(async (tx) => {
    if (!(await tx.claim.findUnique({ where: { id: claimId }, select: { id: true } }))) throw notFound("claim", claimId);
    const link = await tx.claimLink.findFirst({
      where: { id: linkId, OR: [{ fromClaimId: claimId }, { toClaimId: claimId }] },
      include: {
        fromClaim: { select: { id: true, text: true, version: true } },
        toClaim: { select: { id: true, text: true, version: true } },
      },
    });
    if (!link) throw new AppError("not_found", `Claim ${claimId} has no link with id "${linkId}".`);
    await tx.claimLink.delete({ where: { id: link.id } });
    const { fromClaim: from, toClaim: to } = link;
    const { onFrom, onTo } = linkHistoryValues({ id: link.id, kind: link.kind as ClaimLinkKind, note: link.note }, from, to);
    await recordEdit(tx, { claimId: from.id, version: from.version, actor, changes: { link: { from: onFrom, to: null } } });
    await recordEdit(tx, { claimId: to.id, version: to.version, actor, changes: { link: { from: onTo, to: null } } });
    return link;
  });
  return toLinkRecord(row);
}
