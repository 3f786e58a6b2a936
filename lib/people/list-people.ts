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

/** People with the roles the sources give them (distinct, as stated), for the people page. */
export async function listPeopleWithRoles(db: DbTx, take = 500) {
  const people = await listPeople(db, take);
  // A GROUP BY in the database: Prisma's `distinct` fetched every attribution of these
  // people and removed repeats itself (2.4 s for 500 people at a million claims).
  const rows = await db.attribution.groupBy({
    by: ["personId", "role"],
    where: { personId: { in: people.map((p) => p.id) }, role: { not: null } },
    orderBy: [{ personId: "asc" }, { role: "asc" }],
  });
  const roles = new Map<string, string[]>();
  for (const r of rows) if (r.personId && r.role) roles.set(r.personId, [...(roles.get(r.personId) ?? []), r.role]);
  return people.map((p) => ({ ...p, roles: roles.get(p.id) ?? [] }));
}
