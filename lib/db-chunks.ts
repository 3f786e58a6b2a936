// Reading many rows with their relations through Prisma. On SQLite, a query whose
// related rows need more bound parameters than the database allows fails (P2029) instead
// of being split: a person with 1,017 claims (each with its source, spans and
// attribution) failed at a million claims, and so did a source with 1,100 claims; 500 per
// query did not. Such reads go through here, a chunk at a time.

/** Rows per query. */
export const CHUNK = 400;

/** The pagination arguments of the chunk after `after` (Prisma's cursor on a unique id). */
export const chunkAfter = (after: string | undefined) => ({ take: CHUNK, ...(after === undefined ? {} : { skip: 1, cursor: { id: after } }) });

/**
 * Every row, read with `page(chunkAfter(last id))` until a chunk comes back short. `page`
 * must order by a total order ending in the id, so that each chunk starts after the last.
 */
export async function readInChunks<T extends { id: string }>(page: (args: ReturnType<typeof chunkAfter>) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let after: string | undefined; ; ) {
    const rows = await page(chunkAfter(after));
    out.push(...rows);
    if (rows.length < CHUNK) return out;
    after = rows[rows.length - 1]!.id;
  }
}
