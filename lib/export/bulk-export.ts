// Bulk export, planned on the request's thread: the format and filters are checked
// (a bad one is a 400 before any byte is sent) and the plan, plain data only, goes to the
// export worker that writes the file (bulk-export-chunks.ts, stream-bulk-export.ts).
import { type ClaimFilter, claimWhere, type ResolvedClaimFilter, resolveClaimFilter } from "../claims/claim-filter";
import type { DbTx } from "../db";
import { getFormat } from "./formats";
import type { BulkFormatId } from "./schemas";
import type { ExportContext } from "./types";

const EXTENSIONS: Record<BulkFormatId, string> = {
  "csl-json": "json",
  bibtex: "bib",
  biblatex: "bib",
  ris: "ris",
  claimreview: "jsonld",
  annotation: "jsonld",
  csv: "csv",
};

/** What a bulk export will write, decided before any byte is sent. */
export type BulkExportPlan = {
  format: BulkFormatId;
  filter: ResolvedClaimFilter;
  contentType: string;
  filename: string;
  ctx: ExportContext & { exportUrl: string };
  /** The number of matching claims, for formats that state it up front (AnnotationCollection). */
  total?: number;
  /** CSV only: false leaves out the UTF-8 byte-order mark (on by default, for Excel). */
  bom?: boolean;
};

const CSV_CONTENT_TYPE = "text/csv; charset=utf-8; header=present";

export async function planBulkExport(
  db: DbTx,
  format: BulkFormatId,
  filter: ClaimFilter,
  ctx: ExportContext & { exportUrl: string },
  options: { bom?: boolean } = {},
): Promise<BulkExportPlan> {
  const resolved = await resolveClaimFilter(db, filter);
  const date = new Date().toISOString().slice(0, 10);
  return {
    format,
    filter: resolved,
    contentType: format === "csv" ? CSV_CONTENT_TYPE : getFormat(format).contentType,
    // The format is in the name: BibTeX and BibLaTeX are both .bib, ClaimReview and annotations both .jsonld.
    filename: `verbatim-claims-${date}-${format}.${EXTENSIONS[format]}`,
    ctx,
    total: format === "annotation" ? await db.claim.count({ where: claimWhere(resolved) }) : undefined,
    ...(format === "csv" ? { bom: options.bom ?? true } : {}),
  };
}
