// Encodes the claims that have no sentence vector yet, in batches taken in id order: each
// batch is encoded, then written in one transaction. Run by `verbatim embed` and, in the
// background, by the server after claims are written (lib/match/semantic/background.ts).
// Ingest does not wait for it: 100,000 claims take about 4 minutes on this 2-core VM.
import type { Db } from "../../db";
import { claimsWithoutVector, countWithoutVector, storeVectors } from "./claim-vectors";
import { encode } from "./encoder";
import { pack, vectorKey } from "./vectors";

export type EmbedProgress = { done: number; total: number };

/**
 * Encodes up to `size` claims without a vector whose ids sort after `after`; returns how
 * many, and the last id read (the next batch's `after`), or null when none was left.
 */
export async function embedBatch(db: Db, after: string, size: number): Promise<{ encoded: number; last: string | null }> {
  const claims = await claimsWithoutVector(db, size, after);
  if (claims.length === 0) return { encoded: 0, last: null };
  const vectors = await encode(claims.map((c) => c.text));
  await db.$transaction((tx) => storeVectors(tx, claims.map((c, i) => ({ claimId: c.id, text: c.text, key: vectorKey(c.text), vector: pack(vectors[i]!) }))));
  return { encoded: claims.length, last: claims.at(-1)!.id };
}

/**
 * One pass over the claims: encodes every claim without a vector (at most `max`); returns
 * how many were encoded. A claim edited during the pass is left for the next one.
 */
export async function embedClaims(db: Db, options: { batch?: number; max?: number; onProgress?: (p: EmbedProgress) => void } = {}): Promise<number> {
  const batch = options.batch ?? 64;
  const max = options.max ?? Number.POSITIVE_INFINITY;
  const total = Math.min(max, await countWithoutVector(db));
  let done = 0;
  let after = "";
  while (done < max) {
    const { encoded, last } = await embedBatch(db, after, Math.min(batch, max - done));
    if (last === null) break;
    after = last;
    done += encoded;
    options.onProgress?.({ done, total: Math.max(total, done) });
  }
  return done;
}
