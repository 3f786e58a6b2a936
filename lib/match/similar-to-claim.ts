// The lookups of GET /api/similar and GET /api/claims/{id}/similar, checked and made
// ready on the request thread (a bad request is a 400, an unknown claim a 404) so that
// the matching itself can run elsewhere (lib/search/search-pool.ts).
import type { ReadDb, Row } from "../db-read";
import { notFound } from "../errors";
import { parseInput } from "../validation";
import { findSimilar, type SimilarClaim, type SimilarQuery } from "./find-similar";
import { similarQuery, similarToClaimQuery } from "./schemas";

type ClaimText = Row & { text: string; personId: string | null; quotes: string | null };

/** A stored claim's lookup: its text and quotes matched, its speaker known, the claim itself left out. */
export function similarQueryForClaim(read: ReadDb, claimId: string, raw: Record<string, string | undefined>, cacheKey: string): SimilarQuery {
  const { limit } = parseInput(similarToClaimQuery, raw);
  const [claim] = read.all<ClaimText>(
    `SELECT c."text", a."personId",
       (SELECT group_concat("exact", ' ') FROM (SELECT "exact" FROM "Span" WHERE "claimId" = c."id" ORDER BY "start")) AS "quotes"
     FROM "Claim" c LEFT JOIN "Attribution" a ON a."claimId" = c."id" WHERE c."id" = ?`,
    [claimId],
  );
  if (!claim) throw notFound("claim", claimId);
  const text = `${claim.text} ${claim.quotes ?? ""}`.slice(0, 4_000);
  return { text, personId: claim.personId, excludeClaimId: claimId, limit, cacheKey };
}

/** A text's lookup (and optionally its speaker's). */
export function similarQueryForText(raw: Record<string, string | undefined>, cacheKey: string): SimilarQuery {
  const q = parseInput(similarQuery, raw);
  return { text: q.text, personId: q.personId ?? null, limit: q.limit, cacheKey };
}

export const similarToClaim = (read: ReadDb, claimId: string, raw: Record<string, string | undefined>, cacheKey: string): SimilarClaim[] =>
  findSimilar(read, similarQueryForClaim(read, claimId, raw, cacheKey));
export const similarToText = (read: ReadDb, raw: Record<string, string | undefined>, cacheKey: string): SimilarClaim[] =>
  findSimilar(read, similarQueryForText(raw, cacheKey));
