// Every claim matching a filter, for the bulk export, read in keyset batches through
// lib/claims/read-claims.ts.
import type { ReadDb } from "../db-read";
import type { ResolvedClaimFilter } from "./claim-filter";
import type { ClaimDetail } from "./get-claim";
import { CLAIM_ROW_SQL, type ClaimRow, claimDetails, type SourceRow } from "./read-claims";

type Cursor = { createdAt: string; id: string };

/**
 * The claims of one batch with their attribution and speaker, in (createdAt desc, id desc)
 * order after the previous batch. Filters arrive already checked and resolved to ids.
 */
function claimRows(read: ReadDb, f: ResolvedClaimFilter, after: Cursor | undefined, take: number): ClaimRow[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.status) (where.push(`c."status" = ?`), params.push(f.status));
  if (f.personId) (where.push(`a."personId" = ?`), params.push(f.personId));
  if (f.sourceId) (where.push(`c."sourceId" = ?`), params.push(f.sourceId));
  if (after) {
    where.push(`c."createdAt" <= ? AND (c."createdAt" < ? OR (c."createdAt" = ? AND c."id" < ?))`);
    params.push(after.createdAt, after.createdAt, after.createdAt, after.id);
  }
  return read.all<ClaimRow>(
    `${CLAIM_ROW_SQL}
     ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
     ORDER BY c."createdAt" DESC, c."id" DESC
     LIMIT ?`,
    [...params, take],
  );
}

/**
 * Every claim matching the filter, newest first, in keyset batches so that memory stays
 * flat however many claims there are (bulk export). Batches, not single claims: an
 * async generator step per claim costs more than reading it. The filter comes resolved
 * (resolveClaimFilter), so its 400s are raised before anything is streamed.
 */
export async function* iterateClaimBatches(read: ReadDb, filter: ResolvedClaimFilter, batchSize = 500): AsyncGenerator<ClaimDetail[]> {
  // Sources repeat across claims; keep the last few thousand (their metadata only).
  const sourceCache = new Map<string, SourceRow>();
  let after: Cursor | undefined;
  for (;;) {
    const rows = claimRows(read, filter, after, batchSize);
    if (rows.length === 0) return;
    if (sourceCache.size > 5000) sourceCache.clear();
    yield claimDetails(read, rows, sourceCache);
    if (rows.length < batchSize) return;
    const last = rows[rows.length - 1]!;
    after = { createdAt: String(last.createdAt), id: last.id };
  }
}

/** The same, claim by claim, for callers that want one at a time. */
export async function* iterateClaims(read: ReadDb, filter: ResolvedClaimFilter, batchSize = 500): AsyncGenerator<ClaimDetail> {
  for await (const batch of iterateClaimBatches(read, filter, batchSize)) yield* batch;
}
