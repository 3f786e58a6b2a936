import type { DbTx } from "../db";
import { AppError, notFound } from "../errors";
import { archiveFilename } from "./fetch-source";

/** A fetched source's WARC file and a file name for it; 404 for a pasted source. */
export async function getSourceArchive(db: DbTx, sourceId: string): Promise<{ warc: Uint8Array; filename: string }> {
  const row = await db.source.findUnique({ where: { id: sourceId }, select: { archive: { select: { warc: true, finalUrl: true, fetchedAt: true } } } });
  if (!row) throw notFound("source", sourceId);
  if (!row.archive) throw new AppError("not_found", `Source "${sourceId}" was pasted, not fetched: it has no archived copy.`);
  return { warc: row.archive.warc, filename: archiveFilename(row.archive.finalUrl, row.archive.fetchedAt, sourceId) };
}
