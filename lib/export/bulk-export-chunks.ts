// Bulk export: every matching claim in one file, written batch by batch so that memory
// stays flat at any size (the claims come from iterateClaims' keyset batches; the
// reference formats — CSL-JSON here, BibTeX/BibLaTeX/RIS in citation-export-worker.ts —
// from iterateSourceGroups, one entry per source). Runs in the export workers and reads
// through a ReadDb alone; bulk-export.ts plans it.
import { iterateClaimBatches } from "../claims/iterate-claims";
import { iterateSourceGroups } from "../claims/iterate-source-groups";
import type { ReadDb } from "../db-read";
import { annotationPageId, toAnnotation, toAnnotationCollection } from "./annotation";
import { toClaimReview } from "./claimreview";
import { toCslSourceItem } from "./source-entry";
import { CSV_BOM, csvHeader, csvRow } from "./csv";
import type { BulkExportPlan } from "./bulk-export";
import type { ExportClaim, ExportContext } from "./types";

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
  const head = JSON.stringify({ ...collection, total, last: annotationPageId(id) }, null, 2).replace(/\n}$/, "");
  const page = { id: annotationPageId(id), type: "AnnotationPage", partOf: id, startIndex: 0 };
  const pageHead = `${head},\n  "first": {\n${Object.entries(page).map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)},`).join("\n")}\n    "items": [`;
  yield* jsonArray(batches, compact((c: ExportClaim) => toAnnotation(c, ctx, { embedded: true })), pageHead, "    ]\n  }\n}\n", "      ");
}

/** Text formats (BibTeX, RIS, CSV rows): one rendering per claim, blank-line separated where `gap`. */
async function* concatenated<T>(batches: Batches<T>, render: (c: T) => string, gap: boolean): AsyncGenerator<string> {
  let first = true;
  for await (const batch of batches) {
    let chunk = "";
    for (const c of batch) {
      // Records are separated by a blank line in their own line ending (CRLF for RIS);
      // only line breaks are trimmed: an RIS record ends in "ER  - ", trailing space included.
      const text = render(c);
      const eol = text.endsWith("\r\n") ? "\r\n" : "\n";
      chunk += gap ? `${first ? "" : eol}${text.replace(/[\r\n]+$/u, "")}${eol}` : text;
      first = false;
    }
    if (chunk) yield chunk;
  }
}

/** The file of a plan, piece by piece (each piece one batch of claims), read through `read` alone. */
export function bulkExportChunks(read: ReadDb, plan: BulkExportPlan): AsyncGenerator<string> {
  const { format, filter, ctx } = plan;
  const claims = () => iterateClaimBatches(read, filter);
  switch (format) {
    case "csl-json":
      // One item per source, holding its claims (source-entry.ts).
      return jsonArray(iterateSourceGroups(read, filter), compact((group: ExportClaim[]) => toCslSourceItem(group, ctx, { validate: false })));
    case "claimreview":
      return jsonArray(claims(), compact((c: ExportClaim) => toClaimReview(c, ctx)));
    case "annotation":
      return annotationCollection(claims(), plan.total ?? 0, ctx, ctx.exportUrl);
    case "csv":
      return (async function* () {
        yield `${plan.bom === false ? "" : CSV_BOM}${csvHeader()}`;
        yield* concatenated(claims(), (c) => csvRow(c, ctx), false);
      })();
    default:
      throw new Error(`${format} is rendered source by source: renderedSourceChunks, in citation-export-worker.ts`);
  }
}

/** A reference format rendered source by source (one entry holding the source's claims), blank-line separated. */
export function renderedSourceChunks(read: ReadDb, plan: BulkExportPlan, render: (claims: ExportClaim[], ctx: ExportContext) => string): AsyncGenerator<string> {
  return concatenated(iterateSourceGroups(read, plan.filter), (group) => render(group, plan.ctx), true);
}
