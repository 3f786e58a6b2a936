// Deterministic pseudo-random numbers for the synthetic corpus (mulberry32).

export type Rng = {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Uniform integer in [lo, hi] (inclusive). */
  range(lo: number, hi: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
};

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  return {
    next,
    int,
    range: (lo, hi) => lo + int(hi - lo + 1),
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      const item = items[int(items.length)];
      if (item === undefined) throw new RangeError("pick from an empty list");
      return item;
    },
  };
}

const ID_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"; // same alphabet as lib/ids.ts newId()

/** A 16-character id in the app's newId() style, drawn from `rng`. */
export function randomId(rng: Rng): string {
  let out = "";
  for (let i = 0; i < 16; i++) out += ID_ALPHABET[rng.int(32)];
  return out;
}

/** Fisher–Yates sample of k distinct integers from [0, n), in random order. */
export function sampleIndices(rng: Rng, n: number, k: number): number[] {
  const count = Math.min(n, k);
  if (count > n / 4) {
    const all = Array.from({ length: n }, (_, i) => i);
    for (let i = 0; i < count; i++) {
      const j = i + rng.int(n - i);
      const t = all[i]!;
      all[i] = all[j]!;
      all[j] = t;
    }
    return all.slice(0, count);
  }
  const seen = new Set<number>();
  const out: number[] = [];
  while (out.length < count) {
    const v = rng.int(n);
    if (!seen.has(v)) {
      seen.add(v);
      out.push(v);
    }
  }
  return out;
}
