import type { DbTx } from "../db";
import { notFound } from "../errors";
import { claimSummaryDto, claimSummarySelect } from "./claim-dto";

/** One claim with its spans, attribution, source summary and review history (oldest first). */
export async function getClaim(db: DbTx, id: string) {
  const row = await db.claim.findUnique({
    where: { id },
    select: {
      ...claimSummarySelect,
      reviews: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          fromStatus: true,
          toStatus: true,
          rationale: true,
          evidence: true,
          reviewerName: true,
          isDemo: true,
          createdAt: true,
        },
      },
    },
  });
  if (!row) throw notFound("claim", id);
  return {
    ...claimSummaryDto(row),
    reviews: row.reviews.map((r) => ({
      ...r,
      evidence: JSON.parse(r.evidence) as unknown[],
      createdAt: r.createdAt.toISOString(),
    })),
  };
}
export type ClaimDetail = Awaited<ReturnType<typeof getClaim>>;
