// One-line human citations a journalist can paste: who said it, where and when (as far
// as known — unknowns are said to be unknown), the verbatim quote, and the Verbatim
// permalink with the current verdict. Plain text and Markdown share one structure.
import { formatPartialDate } from "../dates";
import { describeRepublishedFrom } from "../sources/republished";
import { claimStatus, known, quoteText } from "./claim-facts";
import { UNTITLED } from "./csl";
import { claimPermalink } from "./permalinks";
import type { ExportClaim, ExportContext } from "./types";

type Part = { text: string } | { link: string; label: string };

function parts(claim: ExportClaim, ctx: ExportContext): Part[] {
  const src = claim.source;
  const a = claim.attribution;
  const publisher = known(src.publisher) ?? "an unknown publication";
  const title = known(src.title);
  const date = src.publishedAt ? formatPartialDate(src.publishedAt) : "date unknown";
  // An untitled source is named by the same bracketed description as in every format (csl.ts).
  // A republication names what it republishes, as far as known.
  const orig = src.republishedFrom ? `, republishing ${describeRepublishedFrom(src.republishedFrom)}` : "";
  const where = `${publisher}, ${title ? `“${title}”` : UNTITLED} (${date}${orig})`;
  const role = known(a?.role);
  const who = a?.person ? `${a.person.name}${role ? ` (${role})` : ""}` : null;
  // Direct quotes are the person's words; indirect ones are the outlet's report of them.
  const said = !who ? where : a?.kind === "indirect" ? `${who}, as reported by ${where}` : `${who}, quoted in ${where}`;
  const lead = said.charAt(0).toUpperCase() + said.slice(1); // "An unknown publication (…)"
  const url = known(src.url);
  return [
    { text: `${lead}: “${quoteText(claim)}”` },
    ...(url ? [{ text: " — " }, { link: url, label: "source" }] : []),
    { text: " — " },
    { link: claimPermalink(claim, ctx), label: "Verbatim claim" },
    { text: ` (status: ${claimStatus(claim)})` },
  ];
}

/** `Dmitry Peskov (Kremlin spokesman), quoted in RFE/RL (date unknown): “…” — Verbatim claim https://… (status: supported)` */
export function toPlainText(claim: ExportClaim, ctx: ExportContext): string {
  return parts(claim, ctx)
    .map((p) => ("text" in p ? p.text : `${p.label}${p.label === "source" ? ":" : ""} ${p.link}`))
    .join("");
}

// Characters Markdown would read as markup anywhere in a line: CommonMark + GFM, plus
// pandoc's `$…$` (TeX math) and `@key` (a citation). Any ASCII punctuation may be
// backslash-escaped, so escaping is always safe — limited to these to keep the pasted
// source readable.
const MD_SPECIAL = /[\\`*_[\]<>|~&$@]/g;

function mdEscape(s: string): string {
  return s.replace(MD_SPECIAL, "\\$&");
}

// A link destination in <…> may hold anything but line breaks and unescaped < >.
function mdUrl(url: string): string {
  return `<${url.replace(/[<>\s]/gu, (c) => encodeURIComponent(c))}>`;
}

/** The same line in Markdown: the permalink (and source URL, when known) as links. */
export function toMarkdown(claim: ExportClaim, ctx: ExportContext): string {
  const line = parts(claim, ctx)
    .map((p) => ("text" in p ? mdEscape(p.text) : `[${mdEscape(p.label)}](${mdUrl(p.link)})`))
    .join("");
  // A line starting with "#", "-", "+" or "1." would become a heading or a list item.
  return line.replace(/^(#|[-+]|\d+(?=[.)]))/, (m) => (/^\d/.test(m) ? `${m}\\` : `\\${m}`));
}
