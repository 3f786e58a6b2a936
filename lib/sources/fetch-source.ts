// A source from a URL: the page fetched on the server (fetch-page.ts), its readable text
// extracted off the request thread, its metadata read from the page, and the exchange
// kept as a WARC file. Nothing is written to the database here.
import { brotliDecompressSync, gunzipSync, inflateSync } from "node:zlib";
import { writeWarc } from "../archive/write-warc";
import { AppError } from "../errors";
import { extractHtml } from "../extract/extract-html";
import { decodeHtml } from "../fetch/decode-html";
import { type FetchedPage, fetchPage, responseHeader } from "../fetch/fetch-page";
import { MAX_HTML_BYTES } from "./limits";
import { type FilledMetadata, metadataFromPage } from "./metadata-from-page";

export type ArchiveData = {
  warc: Buffer;
  requestedUrl: string;
  finalUrl: string;
  redirects: string;
  status: number;
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
  fetchedAt: Date;
};
export type FetchedSource = { text: string; filled: FilledMetadata; archive: ArchiveData };

/** "verbatim-[<source id>-]20261207T020900Z-news.example.warc.gz" */
export const archiveFilename = (url: string, at: Date, sourceId?: string) =>
  `verbatim-${sourceId ? `${sourceId}-` : ""}${at.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z")}-${new URL(url).hostname}.warc.gz`;

/**
 * The page's bytes without their content coding: Verbatim asks for `identity`, but a
 * server may compress anyway. The archive keeps the bytes as received; this is for reading.
 */
function decodedBody(page: Extract<FetchedPage, { notModified: false }>): Buffer {
  const coding = responseHeader(page.exchanges.at(-1)!, "content-encoding")?.trim().toLowerCase();
  try {
    if (coding === "gzip" || coding === "x-gzip") return gunzipSync(page.body, { maxOutputLength: MAX_HTML_BYTES });
    if (coding === "deflate") return inflateSync(page.body, { maxOutputLength: MAX_HTML_BYTES });
    if (coding === "br") return brotliDecompressSync(page.body, { maxOutputLength: MAX_HTML_BYTES });
  } catch {
    throw new AppError("unprocessable", `url: the page's ${coding} content could not be decoded, or is larger than ${MAX_HTML_BYTES} bytes.`, { reason: "bad-encoding" });
  }
  if (coding && coding !== "identity") throw new AppError("unprocessable", `url: the page is sent with a content coding Verbatim cannot read (${coding}).`, { reason: "bad-encoding" });
  return page.body;
}

/** The archive record of a page that was fetched (2xx HTML). */
export async function archiveOf(requestedUrl: string, page: Extract<FetchedPage, { notModified: false }>): Promise<ArchiveData> {
  const fetchedAt = page.exchanges.at(-1)!.date;
  return {
    warc: await writeWarc(page.exchanges, { filename: archiveFilename(page.finalUrl, fetchedAt), software: "Verbatim (warcio.js)" }),
    requestedUrl,
    finalUrl: page.finalUrl,
    redirects: JSON.stringify(page.redirects),
    status: page.status,
    contentType: page.contentType,
    etag: page.etag,
    lastModified: page.lastModified,
    fetchedAt,
  };
}

/** The readable text and page metadata of a fetched page (422 when there is no text). */
export async function readFetchedPage(page: Extract<FetchedPage, { notModified: false }>, given: Record<string, unknown>, signal?: AbortSignal) {
  const html = decodeHtml(decodedBody(page), page.contentType);
  const extracted = await extractHtml(html, { signal, pageUrl: page.finalUrl });
  if (extracted.text === "") throw new AppError("unprocessable", "url: the page has no readable text.", { reason: "no-text" });
  const filled = metadataFromPage(extracted, given);
  if (given.url === undefined && filled.values.url === undefined) {
    filled.values.url = page.finalUrl;
    filled.origin.url = "fetch";
  }
  if (given.retrievedAt === undefined) filled.origin.retrievedAt = "fetch";
  return { text: extracted.text, filled };
}

export async function fetchSource(url: string, given: Record<string, unknown>, signal?: AbortSignal): Promise<FetchedSource> {
  const page = await fetchPage(url, { signal });
  if (page.notModified) throw new Error("unreachable: an unconditional GET answered 304");
  const { text, filled } = await readFetchedPage(page, given, signal);
  return { text, filled, archive: await archiveOf(url, page) };
}
