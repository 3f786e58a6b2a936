// Input of the suggestion actions, shared by the API routes and the source page's forms.
import { z } from "zod";
import { partialDate } from "../dates";
import { addClaimInput, attributionKind, entityId } from "../claims/schemas";
import { SUGGESTION_KEY } from "./suggestion-key";

export const suggestionKeyInput = z.string().regex(SUGGESTION_KEY, "must be a suggestion key such as \"120-180,200-230\"");

/**
 * Accepting a suggestion, as it is or edited first: every field is optional and falls back
 * to what was suggested. The speaker is the suggested person unless personId or personName
 * says otherwise; `newPerson` confirms a name that is close to someone stored is a new person.
 */
export const acceptSuggestionInput = z.strictObject({
  text: z.string().trim().min(1).max(2_000).optional(),
  asOf: partialDate.nullish(),
  kind: attributionKind.optional(),
  personId: entityId.optional(),
  personName: z.string().trim().min(1).max(200).optional(),
  role: z.string().trim().max(300).nullish(),
  newPerson: z.boolean().optional(),
  /** Existing claims the accepted one repeats, corroborates or contradicts (as in POST /api/claims). */
  links: addClaimInput.shape.links,
}).refine((a) => !(a.personId && a.personName), { message: "give personId or personName, not both", path: ["personName"] });
export type AcceptSuggestionInput = z.infer<typeof acceptSuggestionInput>;
