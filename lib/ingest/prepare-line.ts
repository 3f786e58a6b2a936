// One ingest line checked on its own, before anything is written: JSON, the schema, the
// source's text (an HTML page reduced to its readable text, as when an editor adds one),
// and every span located verbatim in that text. Reads no database; speakers are resolved
// by resolve-people.ts. Any problem is an AppError whose message names the part at fault.
import { AppError } from "../errors";
import { cpLength, isWellFormed } from "../spans/codepoints";
import { resolveSpans } from "../spans/resolve-spans";
import type { SpanText } from "../spans/span";
import { sha256Hex } from "../sources/hash";
import { metadataFromPage } from "../sources/metadata-from-page";
import type { RepublishedFrom } from "../sources/republished";
import { checkSourceSize, pastedText, textFromHtml } from "../sources/source-text-input";
import { parseInput } from "../validation";
import { type IngestClaim, ingestLine } from "./schemas";

export type PreparedSource = {
  title: string | null;
  publisher: string | null;
  author: string | null;
  url: string | null;
  publishedAt: string | null;
  retrievedAt: string | null;
  language: string | null;
  republishedFrom: RepublishedFrom | null;
  /** Where fields filled from an HTML page came from (metadata-from-page.ts). */
  metadataOrigin: Record<string, string>;
  text: string;
  sha256: string;
  length: number;
};
export type PreparedClaim = Omit<IngestClaim, "spans"> & { spans: SpanText[] };
export type PreparedLine = { line: number; source: PreparedSource; claims: PreparedClaim[] };

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch (err) {
    throw new AppError("unprocessable", `not valid JSON (${(err as Error).message}).`);
  }
}

export async function prepareLine(raw: string, line: number): Promise<PreparedLine> {
  const data = parseInput(ingestLine, parseJson(raw), "unprocessable");
  const { text: given, html, ...stated } = data.source;
  // From a page, the fields the line leaves out are filled from it, as when an editor adds one.
  const extracted = html !== undefined ? await textFromHtml(html) : null;
  const filled = extracted ? metadataFromPage(extracted, stated) : { values: {}, origin: {} };
  const meta = { ...stated, ...filled.values };
  const text = extracted ? extracted.text : pastedText(given!);
  checkSourceSize(text, "The source text");
  if (!isWellFormed(text)) throw new AppError("unprocessable", "source.text contains an unpaired surrogate.");
  const claims = data.claims.map((c, i) => {
    try {
      return { ...c, spans: resolveSpans(text, c.spans) };
    } catch (err) {
      if (err instanceof AppError) throw new AppError(err.code, `claims.${i}.${err.message}`, err.details);
      throw err;
    }
  });
  return {
    line,
    source: {
      title: meta.title ?? null,
      publisher: meta.publisher ?? null,
      author: meta.author ?? null,
      url: meta.url ?? null,
      publishedAt: meta.publishedAt ?? null,
      retrievedAt: meta.retrievedAt ?? null,
      language: meta.language ?? null,
      republishedFrom: meta.republishedFrom ?? null,
      metadataOrigin: filled.origin,
      text,
      sha256: sha256Hex(text),
      length: cpLength(text),
    },
    claims,
  };
}
