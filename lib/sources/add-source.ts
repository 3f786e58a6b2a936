import type { Actor } from "../auth/actor";
import type { Db, DbTx } from "../db";
import { sourceSummaryDto, sourceSummarySelect } from "../claims/claim-dto";
import { parseInput } from "../validation";
import { createSource } from "./create-source";
import { type ArchiveData, fetchSource } from "./fetch-source";
import { sha256Hex } from "./hash";
import { type FilledMetadata, metadataFromPage } from "./metadata-from-page";
import { addSourceInput, type CreateSourceInput } from "./schemas";
import { checkSourceSize, pastedText, textFromHtml } from "./source-text-input";
import { storeArchive } from "./store-archive";

async function summary(db: DbTx, id: string) {
  const row = await db.source.findUniqueOrThrow({
    where: { id },
    select: { ...sourceSummarySelect, length: true, createdAt: true },
  });
  const { length, createdAt, ...rest } = row;
  return { ...sourceSummaryDto(rest), length, createdAt: createdAt.toISOString() };
}
export type AddedSource = Awaited<ReturnType<typeof summary>>;
export type AddSourceResult = { source: AddedSource; created: boolean; metadataFromHtml: string[]; metadataOrigin: Record<string, string>; archived: boolean };

type Prepared = { text: string; filled: FilledMetadata; archive?: ArchiveData; what: string };

/** The text, page metadata and (for a URL) archive of what the editor sent. */
async function prepare(input: ReturnType<typeof addSourceInput.parse>, signal?: AbortSignal): Promise<Prepared> {
  const { text: pasted, html, ...given } = input;
  if (html !== undefined) {
    const extracted = await textFromHtml(html, signal);
    return { text: extracted.text, filled: metadataFromPage(extracted, given), what: "The text extracted from the HTML" };
  }
  if (pasted !== undefined) return { text: pastedText(pasted), filled: { values: {}, origin: {} }, what: "The text" };
  // Neither text nor html: `url` names the page to fetch, and the page says where it lives.
  const { url, ...rest } = given;
  const fetched = await fetchSource(url!, rest, signal);
  if (rest.retrievedAt === undefined) fetched.filled.values.retrievedAt = fetched.archive.fetchedAt.toISOString();
  return { ...fetched, what: "The text extracted from the page" };
}

/**
 * An editor's new source: pasted text (stored exactly as sent), an HTML page (reduced to
 * its readable text), or a URL fetched on the server and archived (WARC). Metadata the
 * editor left out is filled from the page, each field with its origin. The same text
 * added again returns the existing source (`created: false`) and ignores the new
 * metadata: a source's text and hash never change (an archive is added to it if it had
 * none). The schema records no creator for sources, so `actor` is only the proof of the
 * right to add.
 */
export async function addSource(db: Db, options: { actor: Actor; input: unknown; signal?: AbortSignal }): Promise<AddSourceResult> {
  const parsed = parseInput(addSourceInput, options.input, "unprocessable");
  const { text, filled, archive, what } = await prepare(parsed, options.signal);
  checkSourceSize(text, what);

  const { text: _t, html: _h, ...given } = parsed;
  const metadata = archive ? { ...given, url: undefined } : given;
  const input: CreateSourceInput = { ...metadata, ...filled.values, text };
  try {
    return await db.$transaction(async (tx) => {
      const { id, created } = await createSource(tx, input, { metadataOrigin: filled.origin });
      const archived = archive ? await storeArchive(tx, id, archive) : false;
      const fromPage = created ? Object.keys(filled.values) : [];
      return { source: await summary(tx, id), created, metadataFromHtml: fromPage, metadataOrigin: created ? filled.origin : {}, archived };
    });
  } catch (err) {
    // Two editors adding the same text at once: the loser's insert hits the unique hash.
    if ((err as { code?: unknown }).code !== "P2002") throw err;
    const existing = await db.source.findUnique({ where: { sha256: sha256Hex(text) }, select: { id: true } });
    if (!existing) throw err;
    return { source: await summary(db, existing.id), created: false, metadataFromHtml: [], metadataOrigin: {}, archived: false };
  }
}
