// The export registry: every format by id, with its media type, file extension and
// renderer. API routes, the bulk export and the UI's menu all read this one list.
import { AppError } from "../errors";
import { toAnnotation } from "./annotation";
import { toBiblatex, toBibtex, toRis } from "./citation-js";
import { toClaimReview } from "./claimreview";
import { toCslItem } from "./csl";
import { formatStyle, type StyleId } from "./styles";
import { toMarkdown, toPlainText } from "./text";
import type { ExportClaim, ExportContext } from "./types";

export const FORMAT_IDS = [
  "csl-json",
  "bibtex",
  "biblatex",
  "ris",
  "apa",
  "mla",
  "chicago-author-date",
  "chicago-notes",
  "claimreview",
  "annotation",
  "markdown",
  "text",
] as const;
export type FormatId = (typeof FORMAT_IDS)[number];

export type RenderOptions = { html?: boolean };

export type Format = {
  id: FormatId;
  label: string;
  contentType: string;
  extension: string;
  /** Media type of the `{ html: true }` rendering, for the formats that have one. */
  htmlContentType?: string;
  /** False when the claim cannot be expressed (ClaimReview of an unreviewed claim). */
  available(claim: ExportClaim): boolean;
  render(claim: ExportClaim, ctx: ExportContext, opts?: RenderOptions): string;
};

const always = () => true;
const json = (value: unknown) => JSON.stringify(value, null, 2);
const TEXT = "text/plain; charset=utf-8";
const HTML = "text/html; charset=utf-8";

function style(id: StyleId, label: string): Format {
  return {
    id,
    label,
    contentType: TEXT,
    htmlContentType: HTML,
    extension: "txt",
    available: always,
    render: (claim, ctx, opts) => formatStyle(claim, ctx, id, { html: opts?.html ?? false }),
  };
}

const RAW_FORMATS: Format[] = [
  {
    id: "csl-json",
    label: "CSL-JSON",
    contentType: "application/vnd.citationstyles.csl+json",
    extension: "json",
    available: always,
    // A CSL-JSON document is an array of items (the schema's top level).
    render: (claim, ctx) => json([toCslItem(claim, ctx)]),
  },
  { id: "bibtex", label: "BibTeX", contentType: "application/x-bibtex; charset=utf-8", extension: "bib", available: always, render: toBibtex },
  { id: "biblatex", label: "BibLaTeX", contentType: "application/x-bibtex; charset=utf-8", extension: "bib", available: always, render: toBiblatex },
  { id: "ris", label: "RIS", contentType: "application/x-research-info-systems; charset=utf-8", extension: "ris", available: always, render: toRis },
  style("apa", "APA 7th"),
  style("mla", "MLA 9th"),
  style("chicago-author-date", "Chicago (author-date)"),
  style("chicago-notes", "Chicago (notes and bibliography)"),
  {
    id: "claimreview",
    label: "ClaimReview (schema.org JSON-LD)",
    contentType: "application/ld+json",
    extension: "jsonld",
    // Demo reviews are labelled "not a real fact-check": never a rating.
    available: (claim) => claim.status !== "unreviewed" && claim.reviews.length > 0 && !claim.reviews.at(-1)!.isDemo,
    render: (claim, ctx) => {
      const review = toClaimReview(claim, ctx);
      if (!review) throw new AppError("unprocessable", `Claim "${claim.id}" has no real review (it is unreviewed, or its verdict is a demo review); ClaimReview describes fact-checks only.`);
      return json(review);
    },
  },
  {
    id: "annotation",
    label: "W3C Web Annotation",
    contentType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
    extension: "jsonld",
    available: always,
    render: (claim, ctx) => json(toAnnotation(claim, ctx)),
  },
  { id: "markdown", label: "Markdown", contentType: "text/markdown; charset=utf-8", extension: "md", available: always, render: toMarkdown },
  { id: "text", label: "Plain text", contentType: TEXT, extension: "txt", available: always, render: toPlainText },
];

// Every rendering ends with exactly one line end, whatever the library underneath emits:
// CRLF for a format written with CRLF (RIS), else LF. (Only line breaks are trimmed: an
// RIS record ends in "ER  - ", trailing space included.)
const withNewline = (s: string) => `${s.replace(/[\r\n]+$/u, "")}${s.includes("\r\n") ? "\r\n" : "\n"}`;

export const FORMATS: readonly Format[] = RAW_FORMATS.map((f) => ({
  ...f,
  render: (claim: ExportClaim, ctx: ExportContext, opts?: RenderOptions) => withNewline(f.render(claim, ctx, opts)),
}));

export function isFormat(s: unknown): s is FormatId {
  return typeof s === "string" && (FORMAT_IDS as readonly string[]).includes(s);
}

export function getFormat(id: FormatId): Format {
  return FORMATS.find((f) => f.id === id)!;
}

/** The media type of a rendering: HTML for `{ html: true }` where the format has it. */
export function contentTypeOf(format: Format, opts?: RenderOptions): string {
  return opts?.html && format.htmlContentType ? format.htmlContentType : format.contentType;
}
