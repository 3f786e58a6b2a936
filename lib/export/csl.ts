// Claim → CSL-JSON item (the input format of citeproc, Zotero, Pandoc and citation-js).
// The cited work is the *source article*; the claim's quote and its position travel in
// `note` (human-readable, shown by annotated-bibliography styles and exported as BibTeX
// `note` / RIS `N1`) and in `custom.verbatim` (structured; CSL-JSON 1.0.2's place for
// data without a CSL variable). Unknown metadata is left out, never filled in.
import { parseAuthors, type CslName } from "./authors";
import { claimStatus, known, oneLine } from "./claim-facts";
import { claimPermalink, sourcePermalink } from "./permalinks";
import { OFFSET_UNIT, type ExportClaim, type ExportContext } from "./types";

export type CslDate = { "date-parts": [number[]] };

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

function speaker(claim: ExportClaim): string | null {
  const a = claim.attribution;
  if (!a?.person) return null;
  const role = known(a.role);
  return `${a.person.name}${role ? ` (${role})` : ""}${a.kind === "indirect" ? ", reported speech" : ""}`;
}

/** One line a person can read in any reference manager: the quote, where it sits, who said it, the verdict. */
export function cslNote(claim: ExportClaim, ctx: ExportContext): string {
  const quotes = claim.spans
    .map((s) => `“${oneLine(s.exact)}” (code points ${s.start}–${s.end})`)
    .join("; ");
  const who = speaker(claim);
  return [
    `Quote: ${quotes}.`,
    who ? `Attributed to ${who}.` : null,
    `Verbatim claim: ${oneLine(claim.text)} Status: ${claimStatus(claim)}. ${claimPermalink(claim, ctx)}`,
  ]
    .filter((x) => x !== null)
    .join(" ");
}

export function toCslItem(claim: ExportClaim, ctx: ExportContext): CslItem {
  const src = claim.source;
  const title = known(src.title);
  const publisher = known(src.publisher);
  const authors = parseAuthors(src.author);
  const issued = partialDateParts(src.publishedAt);
  const accessed = dayParts(src.retrievedAt);
  const url = known(src.url);
  const language = known(src.language);
  const person = claim.attribution?.person?.name;
  const role = known(claim.attribution?.role);
  const reviewedAt = claim.reviews.at(-1)?.createdAt;
  return {
    // A known outlet makes it a news article; without one all we can say is "a web page".
    type: publisher ? "article-newspaper" : "webpage",
    id: claim.id,
    "citation-key": claim.id,
    ...(title && { title }),
    ...(publisher && { "container-title": publisher, publisher }),
    ...(authors.length > 0 && { author: authors }),
    ...(issued && { issued }),
    ...(accessed && { accessed }),
    ...(url && { URL: url }),
    ...(language && { language }),
    note: cslNote(claim, ctx),
    custom: {
      verbatim: {
        claimId: claim.id,
        claimText: claim.text,
        status: claimStatus(claim),
        permalink: claimPermalink(claim, ctx),
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
    },
  };
}
