// Bulk export: every matching claim in one file, streamed batch by batch so that
// memory stays flat at any size (the claims come from iterateClaims' keyset batches;
// CSL-JSON reads the lean CitationClaims of iterateCitationBatches, in the same order,
// and writes each item's JSON directly with cslItemJsonWriter).
import { type ClaimFilter, claimWhere, resolveClaimFilter } from "../claims/claim-filter";
import { iterateCitationBatches, iterateClaimBatches } from "../claims/iterate-claims";
import type { DbTx } from "../db";
import type { ReadDb } from "../db-read";
import { toAnnotation, toAnnotationCollection } from "./annotation";
import { toClaimReview } from "./claimreview";
import { cslItemJsonWriter } from "./csl";
import { csvHeader, csvRow } from "./csv";
import { getFormat } from "./formats";
import type { BulkFormatId } from "./schemas";
import type { ExportClaim, ExportContext } from "./types";

export type BulkExport = {
  contentType: string;
  filename: string;
  chunks: AsyncGenerator<string>;
};

const EXTENSIONS: Record<BulkFormatId, string> = {
  "csl-json": "json",
  bibtex: "bib",
  biblatex: "bib",
  ris: "ris",
  claimreview: "jsonld",
  annotation: "jsonld",
  csv: "csv",
};

type Batches<T = ExportClaim> = AsyncIterable<T[]>;

/** One array element per line, compact: a bulk file is read by programs, and compact JSON is a third smaller. */
const compact =
  <T>(render: (c: T) => unknown) =>
  (c: T): string | null => {
    const value = render(c);
    return value === null ? null : JSON.stringify(value);
  };

/** A JSON array streamed one batch (one chunk) at a time; `element` gives a claim's JSON, or null to skip it. */
async function* jsonArray<T>(batches: Batches<T>, element: (c: T) => string | null, head = "[", tail = "]\n", pad = "  "): AsyncGenerator<string> {
  yield `${head}\n`;
  const separator = `,\n${pad}`;
  let first = true;
  for await (const batch of batches) {
    let chunk = "";
    for (const claim of batch) {
      const json = element(claim);
      if (json === null) continue;
      chunk += first ? pad + json : separator + json;
      first = false;
    }
    if (chunk) yield chunk;
  }
  yield `${first ? "" : "\n"}${tail}`;
}

async function* annotationCollection(batches: Batches, total: number, ctx: ExportContext, id: string): AsyncGenerator<string> {
  const collection = toAnnotationCollection([], ctx, { id, label: "Verbatim claims" });
  if (total === 0) {
    yield `${JSON.stringify(collection, null, 2)}\n`;
    return;
  }
  // The collection's own fields, then its embedded first page streamed batch by batch.
  const head = JSON.stringify({ ...collection, total }, null, 2).replace(/\n}$/, "");
  const page = { id: `${id}${id.includes("#") ? "-" : "#"}page-1`, type: "AnnotationPage", startIndex: 0 };
  const pageHead = `${head},\n  "first": {\n${Object.entries(page).map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)},`).join("\n")}\n    "items": [`;
  yield* jsonArray(batches, compact((c: ExportClaim) => toAnnotation(c, ctx, { embedded: true })), pageHead, "    ]\n  }\n}\n", "      ");
}

/** Text formats (BibTeX, RIS, CSV rows): one rendering per claim, blank-line separated where `gap`. */
async function* concatenated(batches: Batches, render: (c: ExportClaim) => string, gap: boolean): AsyncGenerator<string> {
  let first = true;
  for await (const batch of batches) {
    let chunk = "";
    for (const c of batch) {
      chunk += gap ? `${first ? "" : "\n"}${render(c).trimEnd()}\n` : render(c);
      first = false;
    }
    if (chunk) yield chunk;
  }
}

/**
 * Prepares a bulk export: filters are checked now (a bad one is a 400 before any byte
 * is sent); the returned chunks then stream the file.
 */
export async function openBulkExport(
  db: DbTx,
  read: ReadDb,
  format: BulkFormatId,
  filter: ClaimFilter,
  ctx: ExportContext & { exportUrl: string },
): Promise<BulkExport> {
  const resolved = await resolveClaimFilter(db, filter);
  const claims = () => iterateClaimBatches(read, resolved);
  const date = new Date().toISOString().slice(0, 10);
  const filename = `verbatim-claims-${date}.${EXTENSIONS[format]}`;
  switch (format) {
    case "csl-json":
      return { contentType: "application/vnd.citationstyles.csl+json", filename, chunks: jsonArray(iterateCitationBatches(read, resolved), cslItemJsonWriter(ctx)) };
    case "claimreview":
      return { contentType: "application/ld+json", filename, chunks: jsonArray(claims(), compact((c: ExportClaim) => toClaimReview(c, ctx))) };
    case "annotation": {
      const total = await db.claim.count({ where: claimWhere(resolved) });
      return {
        contentType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
        filename,
        chunks: annotationCollection(claims(), total, ctx, ctx.exportUrl),
      };
    }
    case "csv":
      return {
        contentType: "text/csv; charset=utf-8; header=present",
        filename,
        chunks: (async function* () {
          yield csvHeader();
          yield* concatenated(claims(), (c) => csvRow(c, ctx), false);
        })(),
      };
    default: {
      const f = getFormat(format);
      return { contentType: f.contentType, filename, chunks: concatenated(claims(), (c) => f.render(c, ctx), true) };
    }
  }
}
