import { z } from "zod";
import { partialDate } from "../dates";
import { ID_PATTERN } from "../ids";

export const CLAIM_STATUSES = ["unreviewed", "supported", "disputed", "stale"] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
export const claimStatus = z.enum(CLAIM_STATUSES);

export const ATTRIBUTION_KINDS = ["direct", "indirect", "publication"] as const;
export type AttributionKind = (typeof ATTRIBUTION_KINDS)[number];
export const attributionKind = z.enum(ATTRIBUTION_KINDS);

export const entityId = z.string().regex(ID_PATTERN, "must be an id (lowercase letters, digits and hyphens)");

/** A span given as a quote to locate, or as code-point offsets. */
export const spanInput = z.union([
  z.strictObject({
    exact: z.string().min(1).max(10_000),
    prefix: z.string().max(1_000).optional(),
    suffix: z.string().max(1_000).optional(),
    hint: z.number().int().min(0).optional(),
  }),
  z.strictObject({ start: z.number().int().min(0), end: z.number().int().min(1) }),
]);
export type SpanInput = z.infer<typeof spanInput>;

export const attributionInput = z
  .strictObject({
    kind: attributionKind,
    personId: entityId.nullish(),
    role: z.string().trim().min(1).max(300).nullish(),
  })
  .refine((a) => (a.kind === "publication") === !a.personId, {
    message: "direct and indirect attributions need a personId; publication attributions take none",
    path: ["personId"],
  });

export const createClaimInput = z.strictObject({
  /** Only seeds choose their ids (stable permalinks); everything else gets a random one. */
  id: entityId.optional(),
  sourceId: entityId,
  text: z.string().trim().min(1).max(2_000),
  asOf: partialDate.nullish(),
  spans: z.array(spanInput).min(1).max(50),
  attribution: attributionInput,
});
export type CreateClaimInput = z.infer<typeof createClaimInput>;

export const MAX_PAGE_SIZE = 100;

export const listClaimsQuery = z.strictObject({
  status: claimStatus.optional(),
  person: z.string().min(1).max(100).optional(),
  source: z.string().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
  cursor: z.string().min(1).max(200).optional(),
});
export type ListClaimsQuery = z.infer<typeof listClaimsQuery>;
