import type { DbTx } from "../db";

/** The person with this id or slug, or null. */
export async function findPersonId(db: DbTx, idOrSlug: string): Promise<string | null> {
  const person = await db.person.findFirst({
    where: { OR: [{ id: idOrSlug }, { slug: idOrSlug }] },
    select: { id: true },
  });
  return person?.id ?? null;
}
