import { z } from "zod";
import { claimStatus } from "../claims/schemas";
import { FORMAT_IDS, type FormatId } from "./formats";

export const BULK_FORMAT_IDS = ["csl-json", "bibtex", "biblatex", "ris", "claimreview", "annotation", "csv"] as const;
export type BulkFormatId = (typeof BULK_FORMAT_IDS)[number];

/** An unknown or missing format is a 400 that lists the valid ones. */
function formatParam<T extends string>(valid: readonly T[]) {
  return z.string({ error: `format is required; one of: ${valid.join(", ")}` }).transform((s, ctx): T => {
    if ((valid as readonly string[]).includes(s)) return s as T;
    ctx.addIssue({ code: "custom", message: `unknown format "${s}"; valid formats: ${valid.join(", ")}` });
    return z.NEVER;
  });
}

const flag = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

export const citeQuery = z.strictObject({
  format: formatParam<FormatId>(FORMAT_IDS),
  /** HTML instead of text, for the citation styles. */
  html: flag.optional(),
});

export const bulkExportQuery = z.strictObject({
  format: formatParam<BulkFormatId>(BULK_FORMAT_IDS),
  status: claimStatus.optional(),
  person: z.string().min(1).max(100).optional(),
  source: z.string().min(1).max(100).optional(),
  /** Only claims edited since their verdict. */
  changedSinceVerdict: flag.optional(),
  /** Only claims flagged "source changed" (a newer revision changed or dropped a quote). */
  sourceChanged: flag.optional(),
  /** CSV: "false" for no UTF-8 byte-order mark (there is one by default, for Excel). */
  bom: flag.optional(),
});
