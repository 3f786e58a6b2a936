import { z } from "zod";
import { claimStatus } from "../claims/schemas";

export const MAX_SEARCH_PAGE = 50;

/** GET /api/search and the /search page. Values arrive as strings; unknown parameters are a 400. */
export const searchQuery = z.strictObject({
  q: z.string().trim().min(1, "type something to search for").max(200),
  status: claimStatus.optional(),
  /** A person's id or slug (a merged person's old id resolves to the survivor). */
  person: z.string().min(1).max(100).optional(),
  source: z.string().min(1).max(100).optional(),
  cursor: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_SEARCH_PAGE).default(20),
});
export type SearchQuery = z.infer<typeof searchQuery>;
