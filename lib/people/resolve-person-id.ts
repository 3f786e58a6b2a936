import type { DbTx } from "../db";

/** A live person; mergedFrom is the id or slug asked for when it named a person merged away. */
export type ResolvedPerson = { id: string; slug: string; name: string; mergedFrom: string | null };

/**
 * The person an id or slug names now. A merged person's row is gone, but its old id and
 * slug keep working: they resolve to the survivor. One lookup is enough even after a
 * chain of merges, because each merge re-points earlier merge records to its survivor.
 */
export async function resolvePersonId(db: DbTx, idOrSlug: string): Promise<ResolvedPerson | null> {
  const select = { id: true, slug: true, name: true } as const;
  const live = await db.person.findFirst({ where: { OR: [{ id: idOrSlug }, { slug: idOrSlug }] }, select });
  if (live) return { ...live, mergedFrom: null };
  // A slug can be reused after its person was merged away; the latest merge wins.
  const merge = await db.personMerge.findFirst({
    where: { OR: [{ mergedId: idOrSlug }, { mergedSlug: idOrSlug }] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { survivor: { select } },
  });
  return merge ? { ...merge.survivor, mergedFrom: idOrSlug } : null;
}
