// Bulk export: every matching claim in one file, streamed claim by claim so that
// memory stays flat at any size (the claims come from iterateClaims' keyset batches).
import { claimFilterWhere, type ClaimFilter } from "../claims/claim-filter";
import { iterateClaims } from "../claims/iterate-claims";
import type { DbTx } from "../db";
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

/** Indents a pretty-printed JSON value so it nests inside an array. */
const nested = (value: unknown, pad: string) => pad + JSON.stringify(value, null, 2).replace(/\n/g, `\n${pad}`);

async function* jsonArray(items: AsyncIterable<unknown>, head = "[", tail = "]\n", pad = "  "): AsyncGenerator<string> {
  yield `${head}\n`;
  let first = true;
  for await (const item of items) {
    yield `${first ? "" : ",\n"}${nested(item, pad)}`;
    first = false;
  }
  yield `${first ? "" : "\n"}${tail}`;
}

async function* map<T, U>(items: AsyncIterable<T>, fn: (t: T) => U | null): AsyncGenerator<U> {
  for await (const item of items) {
    const out = fn(item);
    if (out !== null) yield out;
  }
}

async function* annotationCollection(claims: AsyncIterable<ExportClaim>, total: number, ctx: ExportContext, id: string): AsyncGenerator<string> {
  const collection = toAnnotationCollection([], ctx, { id, label: "Verbatim claims" });
  if (total === 0) {
    yield `${JSON.stringify(collection, null, 2)}\n`;
    return;
  }
  // The collection's own fields, then its embedded first page streamed item by item.
  const head = JSON.stringify({ ...collection, total }, null, 2).replace(/\n}$/, "");
  const page = { id: `${id}${id.includes("#") ? "-" : "#"}page-1`, type: "AnnotationPage", startIndex: 0 };
  const pageHead = `${head},\n  "first": {\n${Object.entries(page).map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)},`).join("\n")}\n    "items": [`;
  yield* jsonArray(map(claims, (c) => toAnnotation(c, ctx, { embedded: true })), pageHead, "    ]\n  }\n}\n", "      ");
}

async function* concatenated(claims: AsyncIterable<ExportClaim>, render: (c: ExportClaim) => string): AsyncGenerator<string> {
  let first = true;
  for await (const c of claims) {
    yield `${first ? "" : "\n"}${render(c).trimEnd()}\n`;
    first = false;
  }
}

/**
 * Prepares a bulk export: filters are checked now (a bad one is a 400 before any byte
 * is sent); the returned chunks then stream the file.
 */
export async function openBulkExport(
  db: DbTx,
  format: BulkFormatId,
  filter: ClaimFilter,
  ctx: ExportContext & { exportUrl: string },
): Promise<BulkExport> {
  const where = await claimFilterWhere(db, filter);
  const claims = () => iterateClaims(db, filter);
  const date = new Date().toISOString().slice(0, 10);
  const filename = `verbatim-claims-${date}.${EXTENSIONS[format]}`;
  switch (format) {
    case "csl-json":
      return { contentType: "application/vnd.citationstyles.csl+json", filename, chunks: jsonArray(map(claims(), (c) => toCslItem(c, ctx))) };
    case "claimreview":
      return { contentType: "application/ld+json", filename, chunks: jsonArray(map(claims(), (c) => toClaimReview(c, ctx))) };
    case "annotation": {
      const total = await db.claim.count({ where });
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
          yield* map(claims(), (c) => csvRow(c, ctx.baseUrl.replace(/\/+$/, "")));
        })(),
      };
    default: {
      const f = getFormat(format);
      return { contentType: f.contentType, filename, chunks: concatenated(claims(), (c) => f.render(c, ctx)) };
    }
  }
}
