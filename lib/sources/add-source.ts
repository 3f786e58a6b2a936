import type { Actor } from "../auth/actor";
import { isPartialDate } from "../dates";
import type { Db, DbTx } from "../db";
import { sourceSummaryDto, sourceSummarySelect } from "../claims/claim-dto";
import { AppError } from "../errors";
import { extractHtml } from "../extract/extract-html";
import type { HtmlMetadata } from "../extract/html-to-text";
import { parseInput } from "../validation";
import { createSource } from "./create-source";
import { sha256Hex } from "./hash";
import { addSourceInput, createSourceInput, MAX_HTML_BYTES, MAX_SOURCE_BYTES, type CreateSourceInput } from "./schemas";

const MB = 1024 * 1024;
const mb = (bytes: number) => `${Number((bytes / MB).toFixed(1))} MB`;
const HTML_SPACE_ONLY = /^[ \t\n\f\r]*$/;

type Metadata = Omit<CreateSourceInput, "id" | "text">;
type MetadataField = keyof Metadata;

/**
 * Metadata the page itself states, for the fields the caller left out entirely (an
 * explicit null keeps a field unknown). A suggestion that would not pass the field's own
 * validation is dropped, never repaired; a published time keeps the date as written.
 */
function metadataFromHtml(found: HtmlMetadata, given: Metadata): Partial<Metadata> {
  const candidates: Partial<Record<MetadataField, string>> = {
    title: found.title,
    author: found.byline,
    publisher: found.siteName,
    language: found.lang,
    publishedAt: /^\d{4}(?:-\d{2}(?:-\d{2})?)?/.exec(found.publishedTime ?? "")?.[0],
  };
  const out: Partial<Metadata> = {};
  for (const [field, value] of Object.entries(candidates) as [MetadataField, string | undefined][]) {
    if (value === undefined || given[field] !== undefined) continue;
    if (field === "publishedAt" && !isPartialDate(value)) continue;
    const parsed = createSourceInput.shape[field].safeParse(value);
    if (parsed.success && typeof parsed.data === "string") out[field] = parsed.data;
  }
  return out;
}

const tooLarge = (what: string, bytes: number, limit: number) =>
  new AppError("payload_too_large", `${what} is ${mb(bytes)}; the limit is ${mb(limit)} (${limit} bytes of UTF-8).`, {
    bytes,
    limit,
  });

async function summary(db: DbTx, id: string) {
  const row = await db.source.findUniqueOrThrow({
    where: { id },
    select: { ...sourceSummarySelect, length: true, createdAt: true },
  });
  const { length, createdAt, ...rest } = row;
  return { ...sourceSummaryDto(rest), length, createdAt: createdAt.toISOString() };
}
export type AddedSource = Awaited<ReturnType<typeof summary>>;

/**
 * An editor's new source, from pasted text (stored exactly as sent) or an HTML page
 * (reduced to its readable text). The same text added again returns the existing source
 * (`created: false`) and ignores the new metadata: a source's text and hash never change.
 * The schema records no creator for sources, so `actor` is only the proof of the right to add.
 */
export async function addSource(
  db: Db,
  options: { actor: Actor; input: unknown; signal?: AbortSignal },
): Promise<{ source: AddedSource; created: boolean; metadataFromHtml: MetadataField[] }> {
  const { text: pasted, html, ...given } = parseInput(addSourceInput, options.input, "unprocessable");
  let text: string;
  let filled: Partial<Metadata> = {};
  if (html !== undefined) {
    const htmlBytes = Buffer.byteLength(html, "utf8");
    if (htmlBytes > MAX_HTML_BYTES) throw tooLarge("The HTML", htmlBytes, MAX_HTML_BYTES);
    const extracted = await extractHtml(html, { signal: options.signal });
    text = extracted.text;
    if (text === "") throw new AppError("unprocessable", "html: no readable text found in the page.");
    filled = metadataFromHtml(extracted.metadata, given);
  } else {
    text = pasted ?? ""; // the schema guarantees exactly one of text and html
    if (HTML_SPACE_ONLY.test(text)) throw new AppError("unprocessable", "text: must contain more than whitespace.");
  }
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_SOURCE_BYTES) throw tooLarge(html === undefined ? "The text" : "The text extracted from the HTML", bytes, MAX_SOURCE_BYTES);

  const input: CreateSourceInput = { ...given, ...filled, text };
  try {
    return await db.$transaction(async (tx) => {
      const { id, created } = await createSource(tx, input);
      return { source: await summary(tx, id), created, metadataFromHtml: created ? (Object.keys(filled) as MetadataField[]) : [] };
    });
  } catch (err) {
    // Two editors adding the same text at once: the loser's insert hits the unique hash.
    if ((err as { code?: unknown }).code !== "P2002") throw err;
    const existing = await db.source.findUnique({ where: { sha256: sha256Hex(text) }, select: { id: true } });
    if (!existing) throw err;
    return { source: await summary(db, existing.id), created: false, metadataFromHtml: [] };
  }
}
