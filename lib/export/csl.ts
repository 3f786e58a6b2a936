// Claim → CSL-JSON item (the input format of citeproc, Zotero, Pandoc and citation-js).
// The cited work is the *source article*; the claim's quote and its position travel in
// `note` (human-readable, shown by annotated-bibliography styles and exported as BibTeX
// `note` / RIS `N1`) and in `custom.verbatim` (structured; CSL-JSON 1.0.2's place for
// data without a CSL variable). Unknown metadata is left out, never filled in.
import { describeRepublishedFrom } from "../sources/republished";
import { parseAuthors, type CslName } from "./authors";
import { claimStatus, known } from "./claim-facts";
import { claimPermalink, sourcePermalink } from "./permalinks";
import { type CslClaim, type ExportContext, OFFSET_UNIT } from "./types";

export type CslDate = { "date-parts": [number[]] };

/**
 * A source without a title is named by a description in square brackets (APA 7 §9.22;
 * MLA and Chicago alike), in every format, so reference managers print what Verbatim's
 * own citations print, and MLA's in-text citation is never empty. It describes, it does
 * not invent: the brackets say it is not the work's title. `nocase` (CSL-JSON rich text,
 * honoured by citeproc-js, pandoc and Zotero) keeps styles from title-casing it.
 */
export const UNTITLED = "[Untitled article]";
export const UNTITLED_CSL = `<span class="nocase">${UNTITLED}</span>`;

export type VerbatimCustom = {
  claimId: string;
  claimText: string;
  status: string;
  permalink: string;
  sourceId: string;
  sourcePermalink: string;
  sourceSha256: string;
  attribution?: { kind: string; person?: string; role?: string };
  quotes: { exact: string; prefix: string; suffix: string; start: number; end: number }[];
  offsetUnit: typeof OFFSET_UNIT;
  reviewedAt?: string;
};

export type CslItem = {
  type: "article-newspaper" | "webpage";
  id: string;
  "citation-key": string;
  title?: string;
  "container-title"?: string;
  publisher?: string;
  author?: CslName[];
  issued?: CslDate;
  accessed?: CslDate;
  URL?: string;
  language?: string;
  "original-publisher"?: string;
  "original-title"?: string;
  "original-date"?: CslDate;
  note: string;
  custom: { verbatim: VerbatimCustom };
};

/** "2024-12-03" → [[2024, 12, 3]], "2025-11" → [[2025, 11]], "2025" → [[2025]]: the stated precision, no more. */
export function partialDateParts(iso: string | null): CslDate | undefined {
  const m = iso ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso) : null;
  if (!m) return undefined;
  const parts = m.slice(1).filter((p): p is string => p !== undefined).map(Number);
  return { "date-parts": [parts] };
}

/** An ISO datetime → its UTC calendar day (CSL dates have no time of day). */
function dayParts(isoDateTime: string | null): CslDate | undefined {
  if (!isoDateTime) return undefined;
  const d = new Date(isoDateTime);
  if (Number.isNaN(d.getTime())) return undefined;
  return { "date-parts": [[d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()]] };
}

function speaker(claim: CslClaim): string | null {
  const a = claim.attribution;
  if (!a?.person) return null;
  const role = known(a.role);
  return `${a.person.name}${role ? ` (${role})` : ""}${a.kind === "indirect" ? ", reported speech" : ""}`;
}

/**
 * How a note may carry a quote: `exact` keeps every character (CSL-JSON); `line` must be
 * one line (RIS: line breaks become spaces); `tex` also loses runs of spaces and tabs
 * (TeX reads any run of white space as one space). NBSP and every other character stay.
 */
export type NoteMode = "exact" | "line" | "tex";

const FLATTEN: Record<Exclude<NoteMode, "exact">, RegExp> = {
  line: /[\r\n\u2028\u2029\u0085\v\f]+/gu,
  tex: /[ \t\r\n\u2028\u2029\u0085\v\f]{2,}|[\t\r\n\u2028\u2029\u0085\v\f]/gu,
};

function flatten(s: string, mode: NoteMode): string {
  return mode === "exact" ? s : s.replace(FLATTEN[mode], " ");
}

function noteWith(claim: CslClaim, permalink: string, mode: NoteMode = "exact"): string {
  let quotes = "";
  let changed = false;
  for (const s of claim.spans) {
    const shown = flatten(s.exact, mode);
    changed ||= shown !== s.exact;
    quotes += `${quotes ? "; " : ""}“${shown}” (code points ${s.start}–${s.end})`;
  }
  const who = speaker(claim);
  // Said in words where the format could not hold the quote exactly, and where it is exact.
  const caveat = changed ? " (Line breaks, tabs and repeated spaces in the quote are shown as one space here; the exact characters are in Verbatim's CSL-JSON export, custom.verbatim.quotes.)" : "";
  const orig = claim.source.republishedFrom;
  const republished = orig ? ` The source republishes ${flatten(describeRepublishedFrom(orig), mode)}.` : "";
  return `Quote: ${quotes}.${caveat}${who ? ` Attributed to ${who}.` : ""}${republished} Verbatim claim: ${flatten(claim.text, mode)} Status: ${claimStatus(claim)}. ${permalink}`;
}

/** What a person reads in any reference manager: the quote, where it sits, who said it, the verdict. */
export function cslNote(claim: CslClaim, ctx: ExportContext, mode: NoteMode = "exact"): string {
  return noteWith(claim, claimPermalink(claim, ctx), mode);
}

type CslSourceFields = Pick<
  CslItem,
  "title" | "container-title" | "publisher" | "author" | "issued" | "accessed" | "URL" | "language" | "original-publisher" | "original-title" | "original-date"
>;

/** The item's type and the fields that come from the source alone, in item order (unknown ones left out). */
function sourceFields(src: CslClaim["source"]): { type: CslItem["type"]; fields: CslSourceFields } {
  const title = known(src.title);
  const publisher = known(src.publisher);
  const authors = parseAuthors(src.author);
  const issued = partialDateParts(src.publishedAt);
  const accessed = dayParts(src.retrievedAt);
  const url = known(src.url);
  const language = known(src.language);
  // A republication: the original's publisher, title and date, where known (its URL has no CSL variable; the note carries it).
  const orig = src.republishedFrom;
  const origDate = partialDateParts(orig?.date ?? null);
  return {
    // A known outlet makes it a news article; without one all we can say is "a web page".
    type: publisher ? "article-newspaper" : "webpage",
    fields: {
      title: title ?? UNTITLED_CSL,
      ...(publisher && { "container-title": publisher, publisher }),
      ...(authors.length > 0 && { author: authors }),
      ...(issued && { issued }),
      ...(accessed && { accessed }),
      ...(url && { URL: url }),
      ...(language && { language }),
      ...(orig?.publisher && { "original-publisher": orig.publisher }),
      ...(orig?.title && { "original-title": orig.title }),
      ...(origDate && { "original-date": origDate }),
    },
  };
}

/** The structured record of one claim (`custom.verbatim`), as toCslItem writes it. */
export function claimCustom(claim: CslClaim, ctx: ExportContext): VerbatimCustom {
  return customWith(claim, ctx, claimPermalink(claim, ctx)).verbatim;
}

function customWith(claim: CslClaim, ctx: ExportContext, permalink: string): CslItem["custom"] {
  const src = claim.source;
  const person = claim.attribution?.person?.name;
  const role = known(claim.attribution?.role);
  const reviewedAt = claim.reviews.at(-1)?.createdAt;
  return {
    verbatim: {
      claimId: claim.id,
      claimText: claim.text,
      status: claimStatus(claim),
      permalink,
      sourceId: src.id,
      sourcePermalink: sourcePermalink(claim, ctx),
      sourceSha256: src.sha256,
      ...(claim.attribution && {
        attribution: { kind: claim.attribution.kind, ...(person && { person }), ...(role && { role }) },
      }),
      quotes: claim.spans.map(({ exact, prefix, suffix, start, end }) => ({ exact, prefix, suffix, start, end })),
      offsetUnit: OFFSET_UNIT,
      ...(reviewedAt && { reviewedAt }),
    },
  };
}

export function toCslItem(claim: CslClaim, ctx: ExportContext): CslItem {
  const { type, fields } = sourceFields(claim.source);
  const permalink = claimPermalink(claim, ctx);
  return {
    type,
    id: claim.id,
    "citation-key": claim.id,
    ...fields,
    note: noteWith(claim, permalink),
    custom: customWith(claim, ctx, permalink),
  };
}

// Sources whose JSON is kept, like the bulk reader's own source cache.
const SOURCE_JSON_CACHE = 5000;

/**
 * `JSON.stringify(toCslItem(claim, ctx))`, the same bytes, for the bulk export, about
 * twice as fast: no item object is built, and the source's part of the item (type,
 * title, publisher, authors, dates, URL, language; its id, permalink and hash in
 * `custom`) is derived and serialised once per source object, not once per claim — the
 * bulk reader gives all claims of a source one shared `source` (iterateCitationBatches).
 * It writes the keys in toCslItem's order; tests check the equality on every fixture
 * claim and every claim of the seeded database. Since the bulk export holds one entry per
 * source (source-entry.ts) it is not on that path; it stays, with its tests, as the base
 * of a fast grouped writer (bench/RESULTS.md, 2026-11-29).
 */
export function cslItemJsonWriter(ctx: ExportContext): (claim: CslClaim) => string {
  type SourceJson = { source: CslClaim["source"]; head: string; fields: string; custom: string };
  // By source id, for the same source object only (a ClaimDetail has its own copy); a
  // Map, not a WeakMap: the bulk reader drops its sources every few thousand, and dead
  // WeakMap entries would pile up in the old generation until a full GC.
  const bySource = new Map<string, SourceJson>();
  const sourceJson = (claim: CslClaim): SourceJson => {
    const { type, fields } = sourceFields(claim.source);
    const json = JSON.stringify(fields);
    const src = claim.source;
    if (bySource.size >= SOURCE_JSON_CACHE) bySource.clear();
    return {
      source: src,
      head: `{"type":${JSON.stringify(type)},"id":`,
      fields: json === "{}" ? "" : `,${json.slice(1, -1)}`,
      custom: `,"sourceId":${JSON.stringify(src.id)},"sourcePermalink":${JSON.stringify(sourcePermalink(claim, ctx))},"sourceSha256":${JSON.stringify(src.sha256)}`,
    };
  };
  const str = JSON.stringify;
  return (claim) => {
    let src = bySource.get(claim.source.id);
    if (src?.source !== claim.source) bySource.set(claim.source.id, (src = sourceJson(claim)));
    const id = str(claim.id);
    const permalink = claimPermalink(claim, ctx);
    let json = `${src.head}${id},"citation-key":${id}${src.fields},"note":${str(noteWith(claim, permalink))},"custom":{"verbatim":{"claimId":${id},"claimText":${str(claim.text)},"status":${str(claimStatus(claim))},"permalink":${str(permalink)}${src.custom}`;
    const a = claim.attribution;
    if (a) {
      const person = a.person?.name;
      const role = known(a.role);
      json += `,"attribution":{"kind":${str(a.kind)}${person ? `,"person":${str(person)}` : ""}${role ? `,"role":${str(role)}` : ""}}`;
    }
    json += `,"quotes":[`;
    let first = true;
    for (const s of claim.spans) {
      json += `${first ? "" : ","}{"exact":${str(s.exact)},"prefix":${str(s.prefix)},"suffix":${str(s.suffix)},"start":${str(s.start)},"end":${str(s.end)}}`;
      first = false;
    }
    const reviewedAt = claim.reviews.at(-1)?.createdAt;
    return `${json}],"offsetUnit":${str(OFFSET_UNIT)}${reviewedAt ? `,"reviewedAt":${str(reviewedAt)}` : ""}}}}`;
  };
}
