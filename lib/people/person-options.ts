import type { DbTx } from "../db";

/**
 * People as a form or a filter picks them, by name (listPeople's order). Without the claim
 * counts listPeople reads (65–540 ms at a million claims).
 */
export function personOptions(db: DbTx, take = 500): Promise<{ id: string; name: string; slug: string }[]> {
  return db.person.findMany({ take, orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true, slug: true } });
}
