// The meaning feature of the re-ranking: the cosine similarity of the query's sentence
// vector and each candidate's stored one. Only claims whose stored vector was computed
// from their current text count; the query text is encoded only when some candidate has
// one (a stored claim compared uses its own stored vector when it has a current one).
import type { ReadDb } from "../../db-read";
import { claimVectors } from "./claim-vectors";
import { encode } from "./encoder";
import { cosine, vectorKey } from "./vectors";

export type SemanticQuery = { text: string; claimId?: string | null; claimText?: string | null };

/** Cosine similarity by candidate claim id; candidates without a current vector are absent. */
export async function semanticScores(read: ReadDb, q: SemanticQuery, candidates: { claimId: string; text: string }[]): Promise<Map<string, number>> {
  const ids = candidates.map((c) => c.claimId);
  const stored = await claimVectors(read, q.claimId ? [...ids, q.claimId] : ids);
  const usable = candidates.filter((c) => stored.get(c.claimId)?.key === vectorKey(c.text));
  if (usable.length === 0) return new Map();
  const own = q.claimId && q.claimText ? stored.get(q.claimId) : undefined;
  const query = own && own.key === vectorKey(q.claimText!) ? own.vector : (await encode([q.text]))[0]!;
  return new Map(usable.map((c) => [c.claimId, cosine(query, stored.get(c.claimId)!.vector)]));
}
