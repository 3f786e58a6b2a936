import type { DbTx } from "../db";

/** People by name, with how many claims are attributed to them. */
export async function listPeople(db: DbTx, take = 500) {
  const rows = await db.person.findMany({
    take,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, slug: true, description: true, _count: { select: { attributions: true } } },
  });
  return rows.map(({ _count, ...p }) => ({ ...p, claimCount: _count.attributions }));
}
