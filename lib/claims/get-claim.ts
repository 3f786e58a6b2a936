import type { DbTx } from "../db";
import { notFound } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { claimSummaryDto, claimSummarySelect } from "./claim-dto";

export const claimDetailSelect = {
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
      version: true,
      createdAt: true,
    },
  },
  edits: {
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, kind: true, version: true, changes: true, actorName: true, createdAt: true },
  },
} as const satisfies Prisma.ClaimSelect;

type ClaimDetailRow = Prisma.ClaimGetPayload<{ select: typeof claimDetailSelect }>;

export function claimDetailDto(row: ClaimDetailRow) {
  return {
    ...claimSummaryDto(row),
    reviews: row.reviews.map((r) => ({
      ...r,
      evidence: JSON.parse(r.evidence) as unknown[],
      createdAt: r.createdAt.toISOString(),
    })),
    edits: row.edits.map((e) => ({
      ...e,
      changes: JSON.parse(e.changes) as Record<string, { from: unknown; to: unknown }>,
      createdAt: e.createdAt.toISOString(),
    })),
  };
}
export type ClaimDetail = ReturnType<typeof claimDetailDto>;

/** One claim with its spans, attribution, source summary and review history (oldest first). */
export async function getClaim(db: DbTx, id: string): Promise<ClaimDetail> {
  const row = await db.claim.findUnique({ where: { id }, select: claimDetailSelect });
  if (!row) throw notFound("claim", id);
  return claimDetailDto(row);
}
