// Bulk export: every matching claim in one file, streamed claim by claim so that
// memory stays flat at any size (the claims come from iterateClaims' keyset batches).
import { type ClaimFilter, claimWhere, resolveClaimFilter } from "../claims/claim-filter";
import { iterateClaimBatches } from "../claims/iterate-claims";
import type { DbTx } from "../db";
import type { ReadDb } from "../db-read";
import { toAnnotation, toAnnotationCollection } from "./annotation";
import { toClaimReview } from "./claimreview";
import { toCslItem } from "./csl";
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

type Batches = AsyncIterable<ExportClaim[]>;

/** One array element per line, compact: a bulk file is read by programs, and compact JSON is a third smaller. */
const nested = (value: unknown, pad: string) => pad + JSON.stringify(value);

/** A JSON array streamed one batch (one chunk) at a time; `render` returns null to skip a claim. */
async function* jsonArray(batches: Batches, render: (c: ExportClaim) => unknown, head = "[", tail = "]\n", pad = "  "): AsyncGenerator<string> {
  yield `${head}\n`;
  let first = true;
  for await (const batch of batches) {
    let chunk = "";
    for (const claim of batch) {
      const value = render(claim);
      if (value === null) continue;
      chunk += `${first ? "" : ",\n"}${nested(value, pad)}`;
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
  yield* jsonArray(batches, (c) => toAnnotation(c, ctx, { embedded: true }), pageHead, "    ]\n  }\n}\n", "      ");
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
      return { contentType: "application/vnd.citationstyles.csl+json", filename, chunks: jsonArray(claims(), (c) => toCslItem(c, ctx)) };
    case "claimreview":
      return { contentType: "application/ld+json", filename, chunks: jsonArray(claims(), (c) => toClaimReview(c, ctx)) };
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
