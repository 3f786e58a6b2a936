// BibTeX, BibLaTeX (written by bibtex.ts) and RIS (citation-js, patched where its
// defaults would lose data; each place says why), all from the same CSL item as the
// CSL-JSON export, so every format says the same thing. The structured `custom` data has
// no BibTeX/RIS field: the note carries the quote and its position in words, and says so
// where the format could not hold the quote's characters exactly.
import { plugins } from "@citation-js/core";
import "@citation-js/plugin-ris";
import type { CslName } from "./authors";
import { biblatexEntry, bibtexEntry } from "./bibtex";
import { cslNote, toCslItem, type CslDate, type CslItem, UNTITLED, UNTITLED_CSL } from "./csl";
import { assertValidCsl } from "./csl-validate";
import type { ExportClaim, ExportContext } from "./types";

function validItem(claim: ExportClaim, ctx: ExportContext): CslItem {
  const item = toCslItem(claim, ctx);
  assertValidCsl([item]);
  return item;
}

/** A BibTeX entry keyed by the claim id (UTF-8, TeX specials escaped, month as a macro). */
export function toBibtex(claim: ExportClaim, ctx: ExportContext): string {
  return bibtexEntry(validItem(claim, ctx), cslNote(claim, ctx, "tex"));
}

/** A BibLaTeX entry: @article/newspaper or @online, `date` at full precision, `urldate`, `langid`. */
export function toBiblatex(claim: ExportClaim, ctx: ExportContext): string {
  return biblatexEntry(validItem(claim, ctx), cslNote(claim, ctx, "tex"));
}

// ---- RIS ----

/** "de la Cruz, Ana": citation-js drops name particles, and writes no AU for NEWS records at all. */
function risName(n: CslName): string {
  if ("literal" in n) return n.literal;
  const family = [n["non-dropping-particle"], n.family].filter(Boolean).join(" ");
  return n.given ? `${family}, ${n.given}` : family;
}

const pad = (n: number | undefined) => (n === undefined ? "" : String(n).padStart(2, "0"));

/** RIS dates are "YYYY/MM/DD/": unknown parts stay empty ("2025/11//"), never invented. */
function risDate(d: CslDate): string {
  const [y, m, day] = d["date-parts"][0];
  return `${y}/${pad(m)}/${pad(day)}/`;
}

// RIS is one "TG  - value" line per value; a line break inside a value would start a
// line that is not a tag (citation-js also hard-wraps values at 70 characters, which
// breaks long quotes): we serialise the tags ourselves, one unbroken line each.
function risLine(tag: string, value: string): string {
  const v = value
    .replace(/[\r\n\u2028\u2029\u0085\v\f]+/gu, " ")
    .replace(/^(\d{4})\/(\d{1,2})?\/(\d{1,2})?\/$/, (_, y: string, m?: string, d?: string) => `${y}/${m?.padStart(2, "0") ?? ""}/${d?.padStart(2, "0") ?? ""}/`);
  return `${tag}  - ${v}`;
}

/** An RIS record: NEWS for a newspaper article, ELEC for a web page. */
export function toRis(claim: ExportClaim, ctx: ExportContext): string {
  return risRecord(validItem(claim, ctx), [cslNote(claim, ctx, "line")]);
}

/**
 * The RIS record of a CSL item, with one N1 line per note (one line each: a quote's line
 * breaks become spaces, and the note says so).
 */
export function risRecord(item: Omit<CslItem, "custom">, notes: string[]): string {
  const { note: _note, ...rest } = item;
  // RIS has no rich text: the untitled description as plain text.
  const data = { ...rest, ...(item.title === UNTITLED_CSL && { title: UNTITLED }) };
  const [tags] = plugins.output.format("ris", [data], { format: "object" });
  if (!tags) throw new Error(`citation-js produced no RIS record for ${item.id}`);
  const lines = [risLine("TY", String(tags.TY))];
  for (const name of item.author ?? []) lines.push(risLine("AU", risName(name)));
  // citation-js cuts ID to the old spec's 20 characters: truncated ids collide
  // ("caspian-cpc-closures…"), so the full id is written; readers accept longer IDs.
  lines.push(risLine("ID", item.id));
  for (const [tag, value] of Object.entries(tags)) {
    if (tag === "TY" || tag === "AU" || tag === "DA" || tag === "ID" || tag === "N1") continue;
    for (const v of Array.isArray(value) ? value : [value]) lines.push(risLine(tag, v));
    // The full publication date; NEWS records otherwise only get the year (PY).
    if (tag === "PY" && item.issued) lines.push(risLine("DA", risDate(item.issued)));
  }
  for (const note of notes) lines.push(risLine("N1", note));
  lines.push("ER  - ");
  // RIS is specified with CRLF line ends; Windows-era importers insist on them.
  return `${lines.join("\r\n")}\r\n`;
}
