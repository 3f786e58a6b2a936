// Rebuilding the full-text indexes (search and similar-claim matching) from scratch, for
// bulk loads and repairs. Row-by-row
// triggers cost about 0.4 ms per claim on a bulk load (each claim, span and attribution
// insert re-indexes the claim); building the index once afterwards costs a fraction.
import type Database from "better-sqlite3";
import { FTS_TABLES } from "./external-tables";

type Sql = Pick<Database.Database, "exec" | "prepare" | "transaction">;

/** Schema objects of a type whose name matches a LIKE pattern (a backslash escapes `_`). */
const definitions = (db: Sql, type: "table" | "trigger", like: string) =>
  db
    .prepare<[string, string], { name: string; sql: string }>(`SELECT "name", "sql" FROM sqlite_master WHERE "type" = ? AND "name" LIKE ? ESCAPE '\\' ORDER BY "name"`)
    .all(type, like);

/**
 * Drops and re-creates each index (as the migrations defined it) and fills it from the
 * current data (its view, `<table>Doc`) in one transaction, then merges it into one
 * segment (fastest to query). Fixes anything `verbatim verify` reports about the indexes.
 */
export function rebuildSearchIndex(db: Sql): void {
  db.transaction(() => {
    for (const name of FTS_TABLES) {
      const [table] = definitions(db, "table", name);
      if (!table) throw new Error(`${name} does not exist: run the migrations first.`);
      // Dropping beats DELETE: an FTS5 table with its own content re-tokenizes every row it
      // deletes. (ClaimMatchVocab reads whichever ClaimMatch exists when it is queried.)
      db.exec(`DROP TABLE "${name}"`);
      db.exec(table.sql);
      db.exec(`INSERT INTO "${name}" SELECT * FROM "${name}Doc"`);
      db.exec(`INSERT INTO "${name}" ("${name}") VALUES ('optimize')`);
    }
  })();
}

/**
 * Runs a bulk load with the index triggers off, then rebuilds the index once. Only for a
 * load that has the database to itself: writes by anyone else meanwhile are not indexed
 * until the rebuild, which indexes them too.
 */
export async function withSearchIndexDeferred<T>(db: Sql, load: () => T | Promise<T>): Promise<T> {
  const triggers = FTS_TABLES.flatMap((name) => definitions(db, "trigger", `${name}\\_%`));
  for (const t of triggers) db.exec(`DROP TRIGGER "${t.name}"`);
  try {
    return await load();
  } finally {
    db.transaction(() => {
      for (const t of triggers) db.exec(t.sql);
    })();
    rebuildSearchIndex(db);
  }
}
