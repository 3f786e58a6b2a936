import type { Actor } from "../auth/actor";
import type { Db } from "../db";
import { createLinkIn } from "../links/create-link";
import { resolveSpeaker } from "../people/resolve-speaker";
import { parseInput } from "../validation";
import { createClaimIn } from "./create-claim";
import { getClaim, type ClaimDetail } from "./get-claim";
import { recordEdit } from "./record-edit";
import { addClaimInput } from "./schemas";

/**
 * An editor's new claim: the speaker found or created, every span located verbatim in
 * the source, "created by" as the first history entry, and its links to the claims it
 * repeats or contradicts — all in one transaction.
 */
export async function addClaim(db: Db, options: { actor: Actor; input: unknown }): Promise<ClaimDetail> {
  const input = parseInput(addClaimInput, options.input, "unprocessable");
  const id = await db.$transaction(async (tx) => {
    const { personId } = await resolveSpeaker(tx, { ...input.attribution, newPerson: input.attribution.newPerson || input.newPerson });
    const { id } = await createClaimIn(tx, {
      sourceId: input.sourceId,
      text: input.text,
      asOf: input.asOf,
      spans: input.spans,
      attribution: { kind: input.attribution.kind, personId, role: input.attribution.role },
    });
    const spans = await tx.span.findMany({ where: { claimId: id }, orderBy: { start: "asc" }, select: { start: true, end: true, exact: true } });
    await recordEdit(tx, {
      claimId: id,
      version: 1,
      actor: options.actor,
      changes: {
        created: { from: null, to: { text: input.text, spans, attribution: { kind: input.attribution.kind, personId, role: input.attribution.role ?? null } } },
      },
    });
    for (const link of input.links ?? []) await createLinkIn(tx, { actor: options.actor, claimId: id, input: link });
    return id;
  });
  return getClaim(db, id);
}
