// Encodes the claims that have no sentence vector yet, oldest first, in batches: each
// batch is encoded, then written in one transaction. Run by `verbatim embed` and, in the
// background, by the server after claims are written (lib/match/semantic/background.ts).
// Ingest does not wait for it: 100,000 claims take about 4 minutes on this 2-core VM.
import type { Db } from "../../db";
import { claimsWithoutVector, countWithoutVector, storeVectors } from "./claim-vectors";
import { encode } from "./encoder";
import { pack, vectorKey } from "./vectors";

export type EmbedProgress = { done: number; total: number };

/** Encodes every claim without a vector (at most `max`); returns how many were encoded. */
export async function embedClaims(db: Db, options: { batch?: number; max?: number; onProgress?: (p: EmbedProgress) => void } = {}): Promise<number> {
  const batch = options.batch ?? 64;
  const max = options.max ?? Number.POSITIVE_INFINITY;
  const total = Math.min(max, await countWithoutVector(db));
  let done = 0;
  while (done < max) {
    const claims = await claimsWithoutVector(db, Math.min(batch, max - done));
    if (claims.length === 0) break;
    const vectors = await encode(claims.map((c) => c.text));
    await db.$transaction((tx) => storeVectors(tx, claims.map((c, i) => ({ claimId: c.id, text: c.text, key: vectorKey(c.text), vector: pack(vectors[i]!) }))));
    done += claims.length;
    options.onProgress?.({ done, total: Math.max(total, done) });
  }
  return done;
}
