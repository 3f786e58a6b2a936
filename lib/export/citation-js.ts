// BibTeX, BibLaTeX and RIS through citation-js (offline: plugins only parse and format),
// from the same CSL item as the CSL-JSON export, so every format says the same thing.
// citation-js is configured and patched around where its defaults would lose data; each
// place says why. The structured `custom` data has no BibTeX/RIS field: the `note` carries
// the quote and its position in words.
import { Cite, plugins } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-ris";
import type { CslName } from "./authors";
import { toCslItem, type CslDate, type CslItem } from "./csl";
import { assertValidCsl } from "./csl-validate";
import type { ExportClaim, ExportContext } from "./types";
import { toUri } from "./uri";

let configured = false;

function configure(): void {
  if (configured) return;
  const bib = plugins.config.get("@bibtex");
  // asciiOnly (the default) NFKD-folds text and *deletes* every character it has no TeX
  // command for: emoji, but also all Cyrillic and CJK — fatal for names like "Дмитрий
  // Песков". We write UTF-8 (LaTeX's default input encoding since 2018; biber is UTF-8
  // native) and escape TeX's special characters ourselves (texEscape).
  bib.format.asciiOnly = false;
  // checkLabel rejects hyphens, so it would replace our citation key (the claim id) with
  // a generated "Author2025a": keep the id — users cite the claim they exported.
  bib.format.checkLabel = false;
  configured = true;
}

// TeX specials, and the ligatures BibTeX readers turn into other characters ("--" → "–",
// "''" → "”", "~" → no-break space): break them up so the text reads back as written.
const TEX_ESCAPES: Record<string, string> = {
  "\\": "\\textbackslash{}",
  "{": "\\{",
  "}": "\\}",
  "%": "\\%",
  "&": "\\&",
  "#": "\\#",
  _: "\\_",
  $: "\\$",
  "~": "\\textasciitilde{}",
  "^": "\\textasciicircum{}",
  "<": "\\textless{}", // also stops citation-js reading "<i>" in a title as italics markup
  ">": "\\textgreater{}",
  "|": "\\textbar{}",
  "--": "-{}-",
  "''": "'{}'",
  "``": "`{}`",
};

export function texEscape(s: string): string {
  return s.replace(/--|''|``|[\\{}%&#_$~^<>|]/g, (c) => TEX_ESCAPES[c]!);
}

// URLs are written verbatim (url field) as ASCII URIs (toUri): pdfLaTeX's \url cannot
// typeset raw UTF-8, and a brace or backslash would unbalance the entry.
export function texUrl(url: string): string {
  return toUri(url) ?? url.replace(/[^\x21-\x7e]|[{}\\"]/gu, (c) => encodeURIComponent(c));
}

function texName(n: CslName): CslName {
  if ("literal" in n) return { literal: texEscape(n.literal) };
  const out: CslName = { family: texEscape(n.family) };
  if (n.given !== undefined) out.given = texEscape(n.given);
  if (n["non-dropping-particle"] !== undefined) out["non-dropping-particle"] = texEscape(n["non-dropping-particle"]);
  return out;
}

function validItem(claim: ExportClaim, ctx: ExportContext): CslItem {
  const item = toCslItem(claim, ctx);
  assertValidCsl([item]);
  return item;
}

function bibData(item: CslItem): Record<string, unknown> {
  // `custom` is left out: BibTeX has no place for structured data, the note says it in words.
  const { custom: _custom, title, "container-title": container, publisher, author, URL, note, ...rest } = item;
  return {
    ...rest,
    ...(title !== undefined && { title: texEscape(title) }),
    ...(container !== undefined && { "container-title": texEscape(container) }),
    ...(publisher !== undefined && { publisher: texEscape(publisher) }),
    ...(author && { author: author.map(texName) }),
    ...(URL !== undefined && { URL: texUrl(URL) }),
    note: texEscape(note),
  };
}

function bib(format: "bibtex" | "biblatex", claim: ExportClaim, ctx: ExportContext): string {
  configure();
  return new Cite([bibData(validItem(claim, ctx))]).format(format, { format: "text" });
}

/** A BibTeX entry keyed by the claim id (UTF-8, TeX specials escaped). */
export function toBibtex(claim: ExportClaim, ctx: ExportContext): string {
  return bib("bibtex", claim, ctx);
}

/** A BibLaTeX entry: like BibTeX, plus `date` at full precision, `urldate` and `language`. */
export function toBiblatex(claim: ExportClaim, ctx: ExportContext): string {
  return bib("biblatex", claim, ctx);
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
  const item = validItem(claim, ctx);
  const { custom: _custom, ...data } = item;
  const [tags] = plugins.output.format("ris", [data], { format: "object" });
  if (!tags) throw new Error(`citation-js produced no RIS record for claim ${claim.id}`);
  const lines = [risLine("TY", String(tags.TY))];
  for (const name of item.author ?? []) lines.push(risLine("AU", risName(name)));
  // citation-js cuts ID to the old spec's 20 characters: truncated claim ids collide
  // ("caspian-cpc-closures…"), so the full id is written; readers accept longer IDs.
  lines.push(risLine("ID", claim.id));
  for (const [tag, value] of Object.entries(tags)) {
    if (tag === "TY" || tag === "AU" || tag === "DA" || tag === "ID") continue;
    for (const v of Array.isArray(value) ? value : [value]) lines.push(risLine(tag, v));
    // The full publication date; NEWS records otherwise only get the year (PY).
    if (tag === "PY" && item.issued) lines.push(risLine("DA", risDate(item.issued)));
  }
  lines.push("ER  - ");
  // RIS is specified with CRLF line ends; Windows-era importers insist on them.
  return `${lines.join("\r\n")}\r\n`;
}
