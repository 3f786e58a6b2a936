import type { DbTx } from "../db";

/** All sources with their claim counts, newest publication first (unknown dates last). */
export async function listSources(db: DbTx, take = 200) {
  const rows = await db.source.findMany({
    take,
    orderBy: [{ publishedAt: { sort: "desc", nulls: "last" } }, { id: "asc" }],
    select: { id: true, title: true, publisher: true, publishedAt: true, _count: { select: { claims: true } } },
  });
  return rows.map(({ _count, ...s }) => ({ ...s, claimCount: _count.claims }));
}
