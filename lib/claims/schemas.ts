import { z } from "zod";
import { partialDate } from "../dates";
import { ID_PATTERN } from "../ids";
import { CLAIM_LINK_KINDS } from "../links/link-text";

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
  /** Only claims edited since their verdict ("true"). */
  changedSinceVerdict: z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1").optional(),
  /** Only claims whose source has a newer revision that changed or dropped a quote, not yet resolved ("true"). */
  sourceChanged: z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1").optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
  cursor: z.string().min(1).max(200).optional(),
});
export type ListClaimsQuery = z.infer<typeof listClaimsQuery>;

/**
 * The API's attribution: the speaker by id, or by name — an existing person is found by
 * any alias, a new name creates the person.
 */
export const speakerAttributionInput = z
  .strictObject({
    kind: attributionKind,
    personId: entityId.nullish(),
    personName: z.string().trim().min(1).max(200).nullish(),
    role: z.string().trim().min(1).max(300).nullish(),
    /** The personName is a new person even if it is close to someone stored (see resolve-speaker). */
    newPerson: z.boolean().optional(),
  })
  .refine((a) => !(a.personId && a.personName), { message: "give personId or personName, not both", path: ["personName"] })
  .refine((a) => (a.kind === "publication") === !(a.personId || a.personName), {
    message: "direct and indirect attributions need a personId or personName; publication attributions take neither",
    path: ["personId"],
  });
export type SpeakerAttributionInput = z.infer<typeof speakerAttributionInput>;

/** POST /api/claims and the new-claim form. */
export const addClaimInput = z.strictObject({
  /** Claims the new one repeats, corroborates or contradicts: linked as it is created (the new claim is the link's "from" end). */
  links: z.array(z.strictObject({ toClaimId: z.string().trim().min(1).max(200), kind: z.enum(CLAIM_LINK_KINDS) })).max(20).optional(),
  sourceId: entityId,
  text: z.string().trim().min(1).max(2_000),
  asOf: partialDate.nullish(),
  spans: z.array(spanInput).min(1).max(50),
  attribution: speakerAttributionInput,
  /** Same as attribution.newPerson. */
  newPerson: z.boolean().optional(),
});
export type AddClaimInput = z.input<typeof addClaimInput>;

/** PATCH /api/claims/{id}: any of text, asOf, spans, attribution, with the version the editor saw. */
export const updateClaimInput = z
  .strictObject({
    expectedVersion: z.number().int().min(1),
    text: z.string().trim().min(1).max(2_000).optional(),
    asOf: partialDate.nullish(),
    spans: z.array(spanInput).min(1).max(50).optional(),
    attribution: speakerAttributionInput.optional(),
    /** Same as attribution.newPerson. */
    newPerson: z.boolean().optional(),
  })
  .refine((u) => u.text !== undefined || u.asOf !== undefined || u.spans !== undefined || u.attribution !== undefined, {
    message: "give at least one of text, asOf, spans, attribution",
  });
export type UpdateClaimInput = z.input<typeof updateClaimInput>;
