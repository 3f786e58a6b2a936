// A source text as an editor sends it — pasted, or an HTML page to reduce to its readable
// text — checked the same way for a new source (add-source.ts) and a new revision
// (revisions/revise-source.ts): sizes (413), an HTML page without text or a text of
// white space only (422). Well-formedness and NUL are createSource's (schemas.ts).
import { AppError } from "../errors";
import { extractHtml } from "../extract/extract-html";
import type { ExtractedText } from "../extract/html-to-text";
import { MAX_HTML_BYTES, MAX_SOURCE_BYTES } from "./limits";

const MB = 1024 * 1024;
const mb = (bytes: number) => `${Number((bytes / MB).toFixed(1))} MB`;
const HTML_SPACE_ONLY = /^[ \t\n\f\r]*$/;

const tooLarge = (what: string, bytes: number, limit: number) =>
  new AppError("payload_too_large", `${what} is ${mb(bytes)}; the limit is ${mb(limit)} (${limit} bytes of UTF-8).`, { bytes, limit });

/** 413 when `text` (named `what` in the message) is over the source size limit. */
export function checkSourceSize(text: string, what: string): void {
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_SOURCE_BYTES) throw tooLarge(what, bytes, MAX_SOURCE_BYTES);
}

/** The readable text of an HTML page, with what Readability and the page say about it. */
export async function textFromHtml(html: string, signal?: AbortSignal): Promise<ExtractedText> {
  const htmlBytes = Buffer.byteLength(html, "utf8");
  if (htmlBytes > MAX_HTML_BYTES) throw tooLarge("The HTML", htmlBytes, MAX_HTML_BYTES);
  const extracted = await extractHtml(html, { signal });
  if (extracted.text === "") throw new AppError("unprocessable", "html: no readable text found in the page.");
  return extracted;
}

/** A pasted text, refused when it is only white space. */
export function pastedText(text: string): string {
  if (HTML_SPACE_ONLY.test(text)) throw new AppError("unprocessable", "text: must contain more than whitespace.");
  return text;
}
