import type { DbTx } from "../db";
import { bumpVersion } from "../claims/bump-version";
import type { ClaimStatus } from "../claims/schemas";
import { AppError, notFound } from "../errors";
import { newId } from "../ids";

export type ReviewInput = {
  claimId: string;
  toStatus: ClaimStatus;
  rationale?: string | null;
  evidence?: unknown[];
  expectedVersion: number;
  reviewer: { id: string | null; name: string };
  isDemo?: boolean;
};

/**
 * Appends a review and moves the claim to its new status, only if the claim is still
 * at the version the reviewer saw: a concurrent change makes this fail with 409
 * instead of being overwritten. Run inside a transaction.
 */
export async function recordReviewIn(tx: DbTx, input: ReviewInput): Promise<{ version: number }> {
  const claim = await tx.claim.findUnique({ where: { id: input.claimId }, select: { status: true, version: true } });
  if (!claim) throw notFound("claim", input.claimId);
  if ((input.toStatus === "disputed" || input.toStatus === "stale") && !input.rationale?.trim()) {
    throw new AppError("unprocessable", `A rationale is required to mark a claim ${input.toStatus}.`);
  }
  const { version } = await bumpVersion(tx, input.claimId, input.expectedVersion, { status: input.toStatus, changedSinceVerdict: false });
  await tx.review.create({
    data: {
      id: newId(),
      claimId: input.claimId,
      fromStatus: claim.status,
      toStatus: input.toStatus,
      rationale: input.rationale?.trim() || null,
      evidence: JSON.stringify(input.evidence ?? []),
      reviewerId: input.reviewer.id,
      reviewerName: input.reviewer.name,
      isDemo: input.isDemo ?? false,
      version,
    },
  });
  return { version };
}
