import { z } from "zod";
import { claimStatus, spanInput, speakerAttributionInput } from "../claims/schemas";
import { partialDate } from "../dates";
import { createSourceInput } from "../sources/schemas";

// One line of a `verbatim ingest` file (JSON Lines) and of POST /api/ingest: a source and
// the claims it holds. The same fields and limits as the API's sources and claims.

export const ingestSource = createSourceInput
  .omit({ id: true, text: true })
  .extend({
    text: createSourceInput.shape.text.optional(),
    html: z.string().min(1, "must not be empty").optional(),
  })
  .refine((s) => (s.text === undefined) !== (s.html === undefined), {
    message: "give exactly one of text (the source's text) or html (a page to extract it from)",
    path: ["text"],
  });

export const ingestClaim = z
  .strictObject({
    text: z.string().trim().min(1).max(2_000),
    spans: z.array(spanInput).min(1).max(50),
    attribution: speakerAttributionInput,
    asOf: partialDate.nullish(),
    /** The claim's verdict so far; a review by the importer records it. */
    status: claimStatus.optional(),
    rationale: z.string().trim().min(1).max(10_000).nullish(),
  })
  .refine((c) => !(c.status === "disputed" || c.status === "stale") || !!c.rationale, {
    message: "a rationale is required for a disputed or stale claim",
    path: ["rationale"],
  })
  .refine((c) => c.rationale == null || (c.status !== undefined && c.status !== "unreviewed"), {
    message: "a rationale goes with a status (supported, disputed or stale)",
    path: ["rationale"],
  });

export const ingestLine = z.strictObject({
  source: ingestSource,
  claims: z.array(ingestClaim).max(10_000),
});
export type IngestLine = z.infer<typeof ingestLine>;
export type IngestClaim = z.infer<typeof ingestClaim>;

/** POST /api/ingest reads at most this much; larger files go through `verbatim ingest`. */
export const MAX_INGEST_BYTES = 256 * 1024 * 1024;
