import type { DbTx } from "../db";

export type HistoryEntry =
  | { type: "review"; version: number | null; at: string; by: string; from: string; to: string; rationale: string | null }
  | { type: "edit"; version: number; at: string; by: string; kind: string; changes: Record<string, { from: unknown; to: unknown }> };

/**
 * What happened to a claim after `version`: the body of a 409, so the editor sees what
 * changed under them instead of having it overwritten.
 */
export async function changesSince(tx: DbTx, claimId: string, version: number): Promise<HistoryEntry[]> {
  const [reviews, edits] = await Promise.all([
    tx.review.findMany({ where: { claimId, version: { gt: version } }, orderBy: { version: "asc" } }),
    tx.claimEdit.findMany({ where: { claimId, version: { gt: version } }, orderBy: { version: "asc" } }),
  ]);
  const entries: HistoryEntry[] = [
    ...reviews.map((r) => ({
      type: "review" as const, version: r.version, at: r.createdAt.toISOString(), by: r.reviewerName,
      from: r.fromStatus, to: r.toStatus, rationale: r.rationale,
    })),
    ...edits.map((e) => ({
      type: "edit" as const, version: e.version, at: e.createdAt.toISOString(), by: e.actorName, kind: e.kind,
      changes: JSON.parse(e.changes) as Record<string, { from: unknown; to: unknown }>,
    })),
  ];
  return entries.sort((a, b) => (a.version ?? 0) - (b.version ?? 0));
}
