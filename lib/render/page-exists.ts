// Whether a claim, source or person page has something to show, as one indexed lookup
// on the read connection. Used by proxy.ts (see there for why).
import type { ReadDb } from "../db-read";

const LOOKUPS: Record<string, string> = {
  claims: `SELECT 1 FROM "Claim" WHERE "id" = ?`,
  sources: `SELECT 1 FROM "Source" WHERE "id" = ?`,
  // People are found by id or slug, and merged people's old ids and slugs redirect.
  people: `SELECT 1 FROM "Person" WHERE "id" = ? OR "slug" = ? UNION ALL SELECT 1 FROM "PersonMerge" WHERE "mergedId" = ? OR "mergedSlug" = ? LIMIT 1`,
};

export async function pageExists(read: Pick<ReadDb, "all">, kind: string, id: string): Promise<boolean> {
  const sql = LOOKUPS[kind];
  if (sql === undefined) return true;
  const params = Array.from({ length: sql.split("?").length - 1 }, () => id);
  return (await read.all(sql, params)).length > 0;
}
