import type { DbTx } from "../db";

/**
 * Where to fetch a source again: the address its newest archived fetch in the revision
 * chain was finally served from (with that fetch's ETag / Last-Modified for a conditional
 * GET), else the URL in its details. Null when it has neither.
 */
export async function fetchTargetOf(db: DbTx, sourceId: string): Promise<{ url: string; etag: string | null; lastModified: string | null } | null> {
  const own = await db.source.findUnique({ where: { id: sourceId }, select: { url: true } });
  if (!own) return null;
  for (let id: string | null = sourceId; id !== null; ) {
    const row: { revisionOf: string | null; archive: { finalUrl: string; etag: string | null; lastModified: string | null } | null } | null = await db.source.findUnique({
      where: { id },
      select: { revisionOf: true, archive: { select: { finalUrl: true, etag: true, lastModified: true } } },
    });
    if (!row) break;
    // Validators belong to the newest fetch only: an older fetch's ETag would say "not modified" wrongly.
    if (row.archive) return { url: row.archive.finalUrl, ...(id === sourceId ? { etag: row.archive.etag, lastModified: row.archive.lastModified } : { etag: null, lastModified: null }) };
    id = row.revisionOf;
  }
  return own.url ? { url: own.url, etag: null, lastModified: null } : null;
}
