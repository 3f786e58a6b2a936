// CSV for spreadsheets (RFC 4180: CRLF rows, every field quoted, quotes doubled), in
// UTF-8 with a byte-order mark by default so Excel reads curly quotes and accents.
// Spreadsheets run a cell that starts with = + - @ (or a tab or carriage return) as a
// formula: such a cell gets a leading apostrophe (OWASP's CSV-injection advice), in every
// column. So CSV is for reading and sorting; the exact text of every quote travels in the
// CSL-JSON and JSON exports, never altered. A claim's several quotes (and their offsets)
// are one JSON array per cell: unambiguous whatever the quotes contain.
import type { ClaimDetail } from "../claims/get-claim";
import { claimPermalink } from "./permalinks";
import type { ExportContext } from "./types";

export const CSV_COLUMNS = [
  "claim_id",
  "permalink",
  "claim",
  "status",
  "version",
  "as_of",
  "attribution_kind",
  "speaker",
  "role",
  "quotes",
  "offsets",
  "source_id",
  "source_title",
  "publisher",
  "published",
  "source_url",
  "source_sha256",
  "latest_rationale",
  "updated_at",
] as const;

/** A leading ' for cells a spreadsheet would evaluate. Pure. */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** The byte-order mark that makes Excel read the file as UTF-8. */
export const CSV_BOM = "\uFEFF";

const field = (v: string | number | null | undefined) => `"${neutraliseFormula(String(v ?? "")).replace(/"/g, '""')}"`;
const row = (values: (string | number | null | undefined)[]) => `${values.map(field).join(",")}\r\n`;

export function csvHeader(): string {
  return row([...CSV_COLUMNS]);
}

export function csvRow(c: ClaimDetail, ctx: ExportContext): string {
  const latest = c.reviews[c.reviews.length - 1];
  return row([
    c.id,
    claimPermalink(c, ctx),
    c.text,
    c.status,
    c.version,
    c.asOf,
    c.attribution?.kind,
    c.attribution?.person?.name,
    c.attribution?.role,
    JSON.stringify(c.spans.map((s) => s.exact)),
    JSON.stringify(c.spans.map((s) => [s.start, s.end])),
    c.source.id,
    c.source.title,
    c.source.publisher,
    c.source.publishedAt,
    c.source.url,
    c.source.sha256,
    latest?.rationale,
    c.updatedAt,
  ]);
}
