// The lookups of GET /api/similar and GET /api/claims/{id}/similar, checked and made
// ready on the request thread (a bad request is a 400, an unknown claim a 404) so that
// the matching itself can run elsewhere (lib/search/search-pool.ts).
import { bySql, type ReadDb, type Row } from "../db-read";
import { notFound } from "../errors";
import { parseInput } from "../validation";
import { findSimilar, type SimilarClaim, type SimilarQuery } from "./find-similar";
import { similarQuery, similarToClaimQuery } from "./schemas";

type ClaimText = Row & { text: string; personId: string | null; quotes: string | null };

const claimTextSql = (quotes: string) => `SELECT c."text", a."personId", (${quotes}) AS "quotes"
  FROM "Claim" c LEFT JOIN "Attribution" a ON a."claimId" = c."id" WHERE c."id" = ?`;
const CLAIM_TEXT_SQL = {
  sqlite: claimTextSql(`SELECT group_concat("exact", ' ') FROM (SELECT "exact" FROM "Span" WHERE "claimId" = c."id" ORDER BY "start")`),
  postgres: claimTextSql(`SELECT string_agg("exact", ' ' ORDER BY "start") FROM "Span" WHERE "claimId" = c."id"`),
};

/** A stored claim's lookup: its text and quotes matched, its speaker known, the claim itself left out. */
export async function similarQueryForClaim(read: ReadDb, claimId: string, raw: Record<string, string | undefined>, cacheKey: string): Promise<SimilarQuery> {
  const { limit } = parseInput(similarToClaimQuery, raw);
  const [claim] = await read.all<ClaimText>(bySql(read, CLAIM_TEXT_SQL), [claimId]);
  if (!claim) throw notFound("claim", claimId);
  const text = `${claim.text} ${claim.quotes ?? ""}`.slice(0, 4_000);
  return { text, personId: claim.personId, excludeClaimId: claimId, limit, cacheKey };
}

/** A text's lookup (and optionally its speaker's). */
export function similarQueryForText(raw: Record<string, string | undefined>, cacheKey: string): SimilarQuery {
  const q = parseInput(similarQuery, raw);
  return { text: q.text, personId: q.personId ?? null, limit: q.limit, cacheKey };
}

export const similarToClaim = async (read: ReadDb, claimId: string, raw: Record<string, string | undefined>, cacheKey: string): Promise<SimilarClaim[]> =>
  findSimilar(read, await similarQueryForClaim(read, claimId, raw, cacheKey));
export const similarToText = (read: ReadDb, raw: Record<string, string | undefined>, cacheKey: string): Promise<SimilarClaim[]> =>
  findSimilar(read, similarQueryForText(raw, cacheKey));
