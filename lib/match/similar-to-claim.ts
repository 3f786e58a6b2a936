// The claims similar to a stored claim: its text and quotes matched, its speaker known,
// the claim itself left out. For the claim page and GET /api/claims/{id}/similar.
import type { ReadDb, Row } from "../db-read";
import { notFound } from "../errors";
import { parseInput } from "../validation";
import { findSimilar, type SimilarClaim } from "./find-similar";
import { similarQuery, similarToClaimQuery } from "./schemas";

type ClaimText = Row & { text: string; personId: string | null; quotes: string | null };

export function similarToClaim(read: ReadDb, claimId: string, raw: Record<string, string | undefined>, cacheKey: string): SimilarClaim[] {
  const { limit } = parseInput(similarToClaimQuery, raw);
  const [claim] = read.all<ClaimText>(
    `SELECT c."text", a."personId",
       (SELECT group_concat("exact", ' ') FROM (SELECT "exact" FROM "Span" WHERE "claimId" = c."id" ORDER BY "start")) AS "quotes"
     FROM "Claim" c LEFT JOIN "Attribution" a ON a."claimId" = c."id" WHERE c."id" = ?`,
    [claimId],
  );
  if (!claim) throw notFound("claim", claimId);
  const text = `${claim.text} ${claim.quotes ?? ""}`.slice(0, 4_000);
  return findSimilar(read, { text, personId: claim.personId, excludeClaimId: claimId, limit, cacheKey });
}

/** GET /api/similar: a text (and optionally its speaker) matched against every claim. */
export function similarToText(read: ReadDb, raw: Record<string, string | undefined>, cacheKey: string): SimilarClaim[] {
  const q = parseInput(similarQuery, raw);
  return findSimilar(read, { text: q.text, personId: q.personId ?? null, limit: q.limit, cacheKey });
}
