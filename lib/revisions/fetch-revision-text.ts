import { type FetchedPage, fetchPage } from "../fetch/fetch-page";
import { type ArchiveData, archiveOf, readFetchedPage } from "../sources/fetch-source";

/**
 * A source's URL fetched again: its readable text and the archive of the exchange, or
 * `notModified` when a conditional GET (ETag / Last-Modified of the last fetch) says 304.
 */
export async function fetchRevisionText(
  url: string,
  conditional: { etag?: string | null; lastModified?: string | null },
  signal?: AbortSignal,
): Promise<{ notModified: true } | { notModified: false; text: string; archive: ArchiveData }> {
  const page: FetchedPage = await fetchPage(url, { conditional, signal });
  if (page.notModified) return { notModified: true };
  const { text } = await readFetchedPage(page, {}, signal);
  return { notModified: false, text, archive: await archiveOf(url, page) };
}
