import { z } from "zod";
import { CLAIM_LINK_KINDS } from "./link-text";

export { CLAIM_LINK_KINDS, type ClaimLinkKind } from "./link-text";

export const claimLinkKind = z.enum(CLAIM_LINK_KINDS);

export const MAX_LINK_NOTE = 1_000;

/**
 * POST /api/claims/{id}/links. `toClaimId` is the other claim's id or a pasted URL of
 * it; it is checked against the database, not a pattern: an id that cannot exist is
 * simply an unknown target (422 either way).
 */
export const createLinkInput = z.strictObject({
  toClaimId: z.string().trim().min(1).max(200),
  kind: claimLinkKind,
  note: z.string().trim().max(MAX_LINK_NOTE).nullish(),
});
export type CreateLinkInput = z.input<typeof createLinkInput>;
