import type { Actor } from "../auth/actor";
import { getClaim, type ClaimDetail } from "../claims/get-claim";
import type { Db } from "../db";
import { notFound } from "../errors";
import { parseInput } from "../validation";
import { recordReviewIn } from "./record-review";
import { resolveEvidence } from "./resolve-evidence";
import { reviewInput } from "./schemas";

/**
 * An editor's verdict on a claim: validated, evidence resolved, the review appended and
 * the status changed in one transaction — or nothing at all. Returns the updated claim.
 */
export async function reviewClaim(db: Db, options: { actor: Actor; claimId: string; input: unknown }): Promise<ClaimDetail> {
  const { actor, claimId } = options;
  // An unknown claim is a 404 even when the body is also wrong.
  if (!(await db.claim.findUnique({ where: { id: claimId }, select: { id: true } }))) throw notFound("claim", claimId);
  const input = parseInput(reviewInput, options.input, "unprocessable");
  await db.$transaction(async (tx) => {
    const evidence = await resolveEvidence(tx, input.evidence);
    await recordReviewIn(tx, {
      claimId,
      toStatus: input.status,
      rationale: input.rationale,
      evidence,
      expectedVersion: input.expectedVersion,
      reviewer: { id: actor.id, name: actor.name },
    });
  });
  return getClaim(db, claimId);
}
