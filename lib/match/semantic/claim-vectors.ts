// Claims' stored sentence vectors: read for a lookup's candidates, written by the encoder
// for the claims that have none (lib/match/semantic/embed-claims.ts).
import { type DbTx, rawSql } from "../../db";
import { inList, type ReadDb, type Row } from "../../db-read";
import { unpack } from "./vectors";

export type StoredVector = { key: string; vector: Int8Array };

/** The stored vectors of these claims, by claim id (a claim with none is absent). */
export async function claimVectors(read: ReadDb, claimIds: string[]): Promise<Map<string, StoredVector>> {
  if (claimIds.length === 0) return new Map();
  const ids = inList(read, `"claimId"`, claimIds);
  const rows = await read.all<Row & { claimId: string; key: string; vector: Uint8Array }>(`SELECT "claimId", "key", "vector" FROM "ClaimVector" WHERE ${ids.sql}`, [ids.param]);
  return new Map(rows.map((r) => [r.claimId, { key: r.key, vector: unpack(r.vector) }]));
}

/** Up to `limit` claims with no vector, oldest first. */
export async function claimsWithoutVector(db: DbTx, limit: number): Promise<{ id: string; text: string }[]> {
  return db.$queryRawUnsafe<{ id: string; text: string }[]>(
    rawSql(db, `SELECT c."id", c."text" FROM "Claim" c LEFT JOIN "ClaimVector" v ON v."claimId" = c."id" WHERE v."claimId" IS NULL ORDER BY c."createdAt", c."id" LIMIT ?`),
    limit,
  );
}

/** How many claims have no vector. */
export async function countWithoutVector(db: DbTx): Promise<number> {
  const [row] = await db.$queryRawUnsafe<{ n: number | bigint }[]>(`SELECT count(*) AS "n" FROM "Claim" c LEFT JOIN "ClaimVector" v ON v."claimId" = c."id" WHERE v."claimId" IS NULL`);
  return Number(row?.n ?? 0);
}

/**
 * Claims less vectors: two counts of small indexes instead of an anti-join over every
 * claim (every vector belongs to a claim: its foreign key cascades).
 */
export async function countWithoutVectorFast(db: DbTx): Promise<number> {
  const [row] = await db.$queryRawUnsafe<{ n: number | bigint }[]>(`SELECT (SELECT count(*) FROM "Claim") - (SELECT count(*) FROM "ClaimVector") AS "n"`);
  return Number(row?.n ?? 0);
}

/** Stores vectors (a claim deleted meanwhile is skipped; an existing vector is replaced). */
export async function storeVectors(db: DbTx, rows: { claimId: string; key: string; vector: Uint8Array }[]): Promise<void> {
  for (const r of rows) {
    await db.$executeRawUnsafe(
      rawSql(db, `INSERT INTO "ClaimVector" ("claimId", "key", "vector") SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM "Claim" WHERE "id" = ?)
        ON CONFLICT ("claimId") DO UPDATE SET "key" = excluded."key", "vector" = excluded."vector"`),
      r.claimId, r.key, Buffer.from(r.vector), r.claimId,
    );
  }
}
