// Bulk writes inside one transaction with the full-text indexes filled once at the end.
// Row by row, the index triggers re-index a claim on its own insert, then again on each
// span's and on its attribution's, in both indexes; for an ingest of 100,000 claims that
// is most of the time. Here the triggers are dropped inside the caller's transaction, the
// rows written, the new claims indexed from the index views in one statement per chunk,
// and the triggers re-created — all before the commit, so no other connection ever sees
// the database without them (SQLite has one writer: nobody else writes meanwhile).
// On PostgreSQL the triggers stay: a setting local to the transaction
// (`verbatim.defer_index`) makes them skip, so other writers are indexed as usual.
import { type DbTx, dbEngine } from "../db";
import { FTS_TABLES, PG_INDEXED_TABLES } from "./external-tables";

const CHUNK = 500;

/**
 * Runs `load` with the index triggers off inside transaction `tx`. `load` returns the ids
 * of the claims it created; it must not change claims, spans, attributions, people or
 * sources that already exist (their index rows would not follow).
 */
export async function indexClaimsAfter(tx: DbTx, load: () => Promise<string[]>): Promise<string[]> {
  if (dbEngine(tx) === "postgres") return indexClaimsAfterPg(tx, load);
  const like = FTS_TABLES.map((t) => `"name" LIKE '${t}\\_%' ESCAPE '\\'`).join(" OR ");
  const triggers = await tx.$queryRawUnsafe<{ name: string; sql: string }[]>(
    `SELECT "name", "sql" FROM sqlite_master WHERE "type" = 'trigger' AND (${like}) ORDER BY "name"`,
  );
  for (const t of triggers) await tx.$executeRawUnsafe(`DROP TRIGGER "${t.name}"`);
  const ids = await load();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const marks = chunk.map(() => "?").join(", ");
    for (const table of FTS_TABLES) {
      await tx.$executeRawUnsafe(`INSERT INTO "${table}" SELECT * FROM "${table}Doc" WHERE "claimId" IN (${marks})`, ...chunk);
    }
  }
  for (const t of triggers) await tx.$executeRawUnsafe(t.sql);
  return ids;
}

async function indexClaimsAfterPg(tx: DbTx, load: () => Promise<string[]>): Promise<string[]> {
  await tx.$executeRawUnsafe(`SELECT set_config('verbatim.defer_index', 'on', true)`);
  const ids = await load();
  await tx.$executeRawUnsafe(`SELECT set_config('verbatim.defer_index', 'off', true)`);
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    for (const refresh of PG_INDEXED_TABLES.map((t) => t.refresh)) await tx.$executeRawUnsafe(`SELECT ${refresh}($1::text[])`, chunk);
  }
  return ids;
}
