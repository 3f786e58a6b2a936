import type { DbTx } from "../db";
import type { ArchiveData } from "./fetch-source";

/**
 * Keeps a fetched page's archive for a source that has none (an archive never changes).
 * False when the source already had one: the same text fetched again adds nothing.
 */
export async function storeArchive(tx: DbTx, sourceId: string, archive: ArchiveData): Promise<boolean> {
  if (await tx.sourceArchive.findUnique({ where: { sourceId }, select: { sourceId: true } })) return false;
  await tx.sourceArchive.create({ data: { sourceId, ...archive, warc: new Uint8Array(archive.warc) } });
  return true;
}
