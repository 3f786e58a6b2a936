// Ids the load rotates over, drawn with the seeded PRNG from the bench database.
import Database from "better-sqlite3";
import { encodeCursor } from "./queries";
import { mulberry32, sampleIndices } from "./prng";

export type Samples = {
  claimIds: string[];
  sourceIds: string[];
  /** Keyset cursors `depth` rows into the newest-first list. */
  cursors: Array<{ cursor: string; depth: number }>;
  depthRange: [number, number];
};

export function drawSamples(file: string, seed: number, designatedSourceId: string, sizes = { claims: 2000, sources: 1000, cursors: 200 }): Samples {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rng = mulberry32(seed ^ 0x2545f491);
    const maxRowid = (table: string): number =>
      (db.prepare<[], { m: number }>(`SELECT max(rowid) AS m FROM "${table}"`).get()?.m ?? 0);
    const byRowid = (table: string) => db.prepare<[number], { id: string }>(`SELECT "id" FROM "${table}" WHERE rowid = ?`);

    const claimStmt = byRowid("Claim");
    const claimIds = sampleIndices(rng, maxRowid("Claim"), sizes.claims)
      .map((r) => claimStmt.get(r + 1)?.id)
      .filter((id): id is string => id !== undefined);

    const sourceStmt = byRowid("Source");
    const sourceIds = sampleIndices(rng, maxRowid("Source"), sizes.sources + 1)
      .map((r) => sourceStmt.get(r + 1)?.id)
      .filter((id): id is string => id !== undefined && id !== designatedSourceId)
      .slice(0, sizes.sources);

    // Deep-ish pagination: cursors 1,000 .. claims/2 rows down the newest-first list.
    const total = db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM "Claim"`).get()?.n ?? 0;
    const lo = Math.min(1000, Math.floor(total / 4));
    const hi = Math.max(lo + 1, Math.floor(total / 2));
    const depths = Array.from({ length: sizes.cursors }, () => rng.range(lo, hi)).sort((a, b) => a - b);
    const byDepth = new Map<number, { cursor: string; depth: number }>();
    let pos = 0;
    let k = 0;
    const walk = db.prepare<[], { createdAt: string; id: string }>(`SELECT "createdAt", "id" FROM "Claim" ORDER BY "createdAt" DESC, "id" DESC`);
    for (const row of walk.iterate()) {
      pos++; // rows seen so far = depth of a cursor at this row
      while (k < depths.length && depths[k] === pos) {
        byDepth.set(k, { cursor: encodeCursor(row.createdAt, row.id), depth: pos });
        k++;
      }
      if (k >= depths.length) break;
    }
    // Back to random order, so consecutive requests do not walk the list in order.
    const cursors = sampleIndices(rng, byDepth.size, byDepth.size).map((i) => byDepth.get(i)!);
    return { claimIds, sourceIds, cursors, depthRange: [lo, hi] };
  } finally {
    db.close();
  }
}
