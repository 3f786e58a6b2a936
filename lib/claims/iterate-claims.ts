import type { DbTx } from "../db";
import { type ClaimFilter, claimFilterWhere } from "./claim-filter";
import { afterCursor } from "./cursor";
import { type ClaimDetail, claimDetailDto, claimDetailSelect } from "./get-claim";

/**
 * Every claim matching the filter, newest first, fetched in keyset batches so that
 * memory stays flat however many claims there are (bulk export).
 */
export async function* iterateClaims(db: DbTx, filter: ClaimFilter, batchSize = 500): AsyncGenerator<ClaimDetail> {
  const where = await claimFilterWhere(db, filter);
  let after: { createdAt: Date; id: string } | undefined;
  for (;;) {
    const rows = await db.claim.findMany({
      where: after ? { AND: [where, afterCursor(after)] } : where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: batchSize,
      select: claimDetailSelect,
    });
    for (const row of rows) yield claimDetailDto(row);
    if (rows.length < batchSize) return;
    const last = rows[rows.length - 1]!;
    after = { createdAt: last.createdAt, id: last.id };
  }
}
