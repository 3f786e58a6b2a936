import type { DbTx } from "../db";

/**
 * Where to fetch a source again: the address its newest archived fetch in the revision
 * chain was finally served from (with that fetch's ETag / Last-Modified for a conditional
 * GET), else the URL in its details. Null when it has neither.
 */
export async function fetchTargetOf(db: DbTx, sourceId: string): Promise<{ url: string; etag: string | null; lastModified: string | null } | null> {
  let ownUrl: string | null = null;
  for (let id: string | null = sourceId; id !== null; ) {
    const row: { url: string | null; revisionOf: string | null; archive: { finalUrl: string; etag: string | null; lastModified: string | null } | null } | null =
      await db.source.findUnique({ where: { id }, select: { url: true, revisionOf: true, archive: { select: { finalUrl: true, etag: true, lastModified: true } } } });
    if (!row) break;
    const newest = id === sourceId;
    if (newest) ownUrl = row.url;
    // Validators belong to the newest fetch only: an older fetch's ETag would say "not modified" wrongly.
    if (row.archive) return { url: row.archive.finalUrl, etag: newest ? row.archive.etag : null, lastModified: newest ? row.archive.lastModified : null };
    id = row.revisionOf;
  }
  return ownUrl ? { url: ownUrl, etag: null, lastModified: null } : null;
}
