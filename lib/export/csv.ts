// CSV for spreadsheets (RFC 4180: CRLF rows, every field quoted, quotes doubled).
// Values are written verbatim — a quote that starts with "=" stays as it is — so a
// spreadsheet may need "import as text" for such cells; altering a quote is not an option.
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

const field = (v: string | number | null | undefined) => `"${String(v ?? "").replace(/"/g, '""')}"`;
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
    c.spans.map((s) => s.exact).join(" … "),
    c.spans.map((s) => `${s.start}-${s.end}`).join(";"),
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
