// The bulk citation exports' read path: every matching claim, grouped by source, so that
// a reference manager gets one entry per article (not one per claim, "2024a…2024t").
// One keyset walk in (sourceId, createdAt desc, id desc) order: a source's claims are
// contiguous, and memory holds one batch plus the group being filled.
import type { ReadDb } from "../db-read";
import type { ResolvedClaimFilter } from "./claim-filter";
import type { ClaimDetail } from "./get-claim";
import { batchWhere } from "./iterate-claims";
import { CLAIM_ROW_SQL, type ClaimRow, claimDetails, type SourceRow } from "./read-claims";

type SourceCursor = { sourceId: string; createdAt: unknown; id: string };

function rows(read: ReadDb, f: ResolvedClaimFilter, after: SourceCursor | undefined, take: number): Promise<ClaimRow[]> {
  const { where, params } = batchWhere(read, f, undefined);
  if (after) {
    where.push(`(c."sourceId" > ? OR (c."sourceId" = ? AND (c."createdAt" < ? OR (c."createdAt" = ? AND c."id" < ?))))`);
    params.push(after.sourceId, after.sourceId, after.createdAt, after.createdAt, after.id);
  }
  return read.all<ClaimRow>(
    `${CLAIM_ROW_SQL}
     ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
     ORDER BY c."sourceId", c."createdAt" DESC, c."id" DESC
     LIMIT ?`,
    [...params, take],
  );
}

/** Batches of groups: each group is one source's matching claims, newest first. Sources in id order. */
export async function* iterateSourceGroups(read: ReadDb, filter: ResolvedClaimFilter, batchSize = 500): AsyncGenerator<ClaimDetail[][]> {
  const sourceCache = new Map<string, SourceRow>();
  const db = read.bulk();
  let open: ClaimDetail[] = [];
  try {
    let after: SourceCursor | undefined;
    for (;;) {
      const batch = await rows(db, filter, after, batchSize);
      if (batch.length === 0) break;
      if (sourceCache.size > 5000) sourceCache.clear();
      const done: ClaimDetail[][] = [];
      for (const claim of await claimDetails(db, batch, sourceCache)) {
        if (open.length > 0 && open[0]!.source.id !== claim.source.id) (done.push(open), (open = []));
        open.push(claim);
      }
      if (done.length > 0) yield done;
      if (batch.length < batchSize) break;
      const last = batch[batch.length - 1]!;
      after = { sourceId: last.sourceId, createdAt: last.createdAt, id: last.id };
    }
    if (open.length > 0) yield [open];
  } finally {
    db.close();
  }
}
