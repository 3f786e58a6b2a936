import { z } from "zod";
import { entityId } from "../claims/schemas";

export const MAX_SIMILAR = 50;
/** Longer than any claim (2,000) with room for its quotes; past this a text is not one fact. */
export const MAX_SIMILAR_TEXT = 4_000;

const limit = z.coerce.number().int().min(1).max(MAX_SIMILAR).default(10);

/** GET /api/similar and the new-claim form's panel. Values arrive as strings; unknown parameters are a 400. */
export const similarQuery = z.strictObject({
  text: z.string().trim().min(1, "give the text to match").max(MAX_SIMILAR_TEXT),
  /** The speaker the text is attributed to, if known: the same speaker ranks higher. */
  personId: entityId.optional(),
  limit,
});

/** GET /api/claims/{id}/similar. */
export const similarToClaimQuery = z.strictObject({ limit });
