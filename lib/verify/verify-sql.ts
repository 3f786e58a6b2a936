// The engine-specific reads of `verbatim verify`: which triggers exist, and how many rows
// each full-text index holds.
import { type DbTx, dbEngine } from "../db";

export async function triggerNames(db: DbTx): Promise<Set<string>> {
  const rows =
    dbEngine(db) === "postgres"
      ? await db.$queryRaw<{ name: string }[]>`SELECT tgname AS name FROM pg_trigger WHERE NOT tgisinternal`
      : await db.$queryRaw<{ name: string }[]>`SELECT name FROM sqlite_master WHERE type = 'trigger'`;
  return new Set(rows.map((t) => t.name));
}

/**
 * Rows in each full-text index (undefined where the engine has none yet). On SQLite,
 * counting the FTS5 docsize shadow table is a cheap B-tree count; a per-claim comparison
 * would cost a full-text lookup for every claim.
 */
export async function indexRowCounts(db: DbTx): Promise<{ search?: number; match?: number }> {
  if (dbEngine(db) === "postgres") {
    const [row] = await db.$queryRaw<{ search: number | bigint; match: number | bigint }[]>`
      SELECT (SELECT count(*) FROM "ClaimSearch") AS search, (SELECT count(*) FROM "ClaimMatch") AS match`;
    return { search: Number(row?.search ?? 0), match: Number(row?.match ?? 0) };
  }
  const [row] = await db.$queryRaw<{ search: number | bigint; match: number | bigint }[]>`
    SELECT (SELECT count(*) FROM "ClaimSearch_docsize") AS search, (SELECT count(*) FROM "ClaimMatch_docsize") AS match`;
  return { search: Number(row?.search ?? 0), match: Number(row?.match ?? 0) };
}
