// The meaning feature of the re-ranking: the cosine similarity of the query's sentence
// vector and each candidate's stored one (a stored vector is always of the claim's current
// text: claim-vectors.ts). The query text is encoded only when some candidate has a vector
// of the model in use; a stored claim compared uses its own stored vector when it has one.
import type { ReadDb } from "../../db-read";
import { claimVectors } from "./claim-vectors";
import { encode } from "./encoder";
import { cosine, ofCurrentModel } from "./vectors";

export type SemanticQuery = { text: string; claimId?: string | null };

/** Cosine similarity by candidate claim id; candidates without a current vector are absent. */
export async function semanticScores(read: ReadDb, q: SemanticQuery, candidates: { claimId: string }[]): Promise<Map<string, number>> {
  const ids = candidates.map((c) => c.claimId);
  const stored = await claimVectors(read, q.claimId ? [...ids, q.claimId] : ids);
  const current = (id: string) => {
    const v = stored.get(id);
    return v && ofCurrentModel(v.key) ? v.vector : null;
  };
  const usable = candidates.filter((c) => current(c.claimId));
  if (usable.length === 0) return new Map();
  const query = (q.claimId ? current(q.claimId) : null) ?? (await encodeOrNull(q.text));
  if (!query) return new Map();
  return new Map(usable.map((c) => [c.claimId, cosine(query, current(c.claimId)!)]));
}

const warned = globalThis as unknown as { verbatimEncoderWarned?: boolean };

/**
 * The text's vector, or null when the encoder cannot run here (ONNX Runtime ships no
 * native library for this platform, say): the lookup then ranks by words, as for claims
 * not yet encoded, instead of failing. Said once per thread on standard error.
 */
async function encodeOrNull(text: string): Promise<Float32Array | null> {
  try {
    return (await encode([text]))[0]!;
  } catch (err) {
    if (!warned.verbatimEncoderWarned) console.error("sentence encoder unavailable; similar claims are ranked by words only:", err instanceof Error ? err.message : err);
    warned.verbatimEncoderWarned = true;
    return null;
  }
}
