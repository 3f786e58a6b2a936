// Claims' stored sentence vectors: read for a lookup's candidates, written by the encoder
// for the claims that have none (lib/match/semantic/embed-claims.ts).
import { type DbTx, rawSql } from "../../db";
import { inList, type ReadDb, type Row } from "../../db-read";
import { KEY_PREFIX, unpack } from "./vectors";

export type StoredVector = { key: string; vector: Int8Array };

/** The stored vectors of these claims, by claim id (a claim with none is absent). */
export async function claimVectors(read: ReadDb, claimIds: string[]): Promise<Map<string, StoredVector>> {
  if (claimIds.length === 0) return new Map();
  const ids = inList(read, `"claimId"`, claimIds);
  const rows = await read.all<Row & { claimId: string; key: string; vector: Uint8Array }>(`SELECT "claimId", "key", "vector" FROM "ClaimVector" WHERE ${ids.sql}`, [ids.param]);
  return new Map(rows.map((r) => [r.claimId, { key: r.key, vector: unpack(r.vector) }]));
}

/**
 * Up to `limit` claims with no vector whose ids sort after `after`, in id order: a pass
 * over all claims is one walk of the primary key, whichever claims lack vectors. (In age
 * order, each batch after an import re-read every older claim: a second per 16 claims at
 * a million.)
 */
export async function claimsWithoutVector(db: DbTx, limit: number, after = ""): Promise<{ id: string; text: string }[]> {
  return db.$queryRawUnsafe<{ id: string; text: string }[]>(
    rawSql(db, `SELECT c."id", c."text" FROM "Claim" c LEFT JOIN "ClaimVector" v ON v."claimId" = c."id" WHERE v."claimId" IS NULL AND c."id" > ? ORDER BY c."id" LIMIT ?`),
    after,
    limit,
  );
}

/**
 * How many claims have no vector: claims less vectors, two counts of small indexes rather
 * than an anti-join over every claim (every vector belongs to a claim: its foreign key
 * cascades).
 */
export async function countWithoutVector(db: DbTx): Promise<number> {
  const [row] = await db.$queryRawUnsafe<{ n: number | bigint }[]>(`SELECT (SELECT count(*) FROM "Claim") - (SELECT count(*) FROM "ClaimVector") AS "n"`);
  return Number(row?.n ?? 0);
}

/**
 * Drops the vectors of any model but the one in use (lookups ignore them), so that their
 * claims count as unencoded and are encoded again. A model changes only with the code:
 * the background encoder does this once when it starts, `verbatim embed` before it
 * encodes. Returns how many were dropped.
 */
export async function dropOtherModels(db: DbTx): Promise<number> {
  const other = `"key" NOT LIKE ?`;
  // A read first: at a million vectors the scan takes 0.2–2 s, and a DELETE would hold
  // SQLite's write lock all that time even when it finds nothing (the usual case).
  const [found] = await db.$queryRawUnsafe<{ n: number | bigint }[]>(rawSql(db, `SELECT count(*) AS "n" FROM (SELECT 1 FROM "ClaimVector" WHERE ${other} LIMIT 1) AS x`), `${KEY_PREFIX}%`);
  if (Number(found?.n ?? 0) === 0) return 0;
  return db.$executeRawUnsafe(rawSql(db, `DELETE FROM "ClaimVector" WHERE ${other}`), `${KEY_PREFIX}%`);
}

/**
 * Stores vectors, each only while its claim still has the text it was computed from: a
 * claim deleted or edited while the encoder worked is skipped (the edit's trigger dropped
 * any older vector, and the claim is encoded again). So a stored vector is always of the
 * claim's current text, and a lookup need only check its model. An existing vector is
 * replaced.
 */
export async function storeVectors(db: DbTx, rows: { claimId: string; text: string; key: string; vector: Uint8Array }[]): Promise<void> {
  for (const r of rows) {
    await db.$executeRawUnsafe(
      rawSql(db, `INSERT INTO "ClaimVector" ("claimId", "key", "vector") SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM "Claim" WHERE "id" = ? AND "text" = ?)
        ON CONFLICT ("claimId") DO UPDATE SET "key" = excluded."key", "vector" = excluded."vector"`),
      r.claimId, r.key, Buffer.from(r.vector), r.claimId, r.text,
    );
  }
}
