import { z } from "zod";
import { claimStatus, entityId, spanInput } from "../claims/schemas";

/** Evidence points to a span of a source, another claim, or a web page. */
export const evidenceInput = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("span"), sourceId: entityId, span: spanInput, note: z.string().trim().max(500).optional() }),
  z.strictObject({ type: z.literal("claim"), claimId: entityId, note: z.string().trim().max(500).optional() }),
  z.strictObject({ type: z.literal("url"), url: z.url({ protocol: /^https?$/ }).max(2_000), note: z.string().trim().max(500).optional() }),
]);
export type EvidenceInput = z.infer<typeof evidenceInput>;

export const reviewInput = z.strictObject({
  status: claimStatus,
  rationale: z.string().trim().max(5_000).nullish(),
  evidence: z.array(evidenceInput).max(20).default([]),
  expectedVersion: z.number().int().min(1),
});
export type ReviewRequest = z.input<typeof reviewInput>;

/** Stored evidence: references resolved and checked when the review was written. */
export type Evidence =
  | { type: "span"; sourceId: string; start: number; end: number; exact: string; prefix: string; suffix: string; note?: string }
  | { type: "claim"; claimId: string; text: string; note?: string }
  | { type: "url"; url: string; note?: string }
  /** A whole source (written by the app: a newer revision that changed a claim's quote). */
  | { type: "source"; sourceId: string; note?: string };

export const QUEUE_PAGE_SIZE = 25;

/** The review queue's filters, from the page's query string. */
export const reviewQueueQuery = z.strictObject({
  status: claimStatus.optional(),
  person: z.string().min(1).max(100).optional(),
  source: z.string().min(1).max(100).optional(),
  /** Only claims with no review in the last N days (never-reviewed claims included). */
  notReviewedDays: z.coerce.number().int().min(1).max(3650).optional(),
  /** Only claims edited since their verdict. */
  changedSinceVerdict: z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1").optional(),
  /** Only claims whose source has a newer revision that changed or dropped a quote, not yet resolved ("true"). */
  sourceChanged: z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1").optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export type ReviewQueueQuery = z.input<typeof reviewQueueQuery>;
