// The bench corpus on PostgreSQL: the SQLite bench database that `npm run bench` generated
// (bench/data/bench-N.db, verified there) copied into a database on a PostgreSQL server,
// with triggers off for the copy, then its search and similar-claim indexes built by their
// own refresh functions, once for all claims. Used by `npm run bench -- --engine postgres`
// and `npm run bench:pg`.
//
// The copy takes minutes at a million claims, so the database is marked with the corpus it
// holds (COMMENT ON DATABASE) and reused when the same corpus is asked for again on a
// server that is kept running (VERBATIM_TEST_PG_URL).
import Database from "better-sqlite3";
import pg from "pg";
import { migrate } from "../lib/migrate/migrate";
import { recreateDatabase } from "../lib/migrate/pg-databases";
import { withDatabase } from "../lib/db-url";
import { PG_INDEXED_TABLES } from "../lib/search/external-tables";

const TABLES = ["Source", "Person", "PersonAlias", "Claim", "Span", "Attribution", "Review", "ClaimEdit", "ClaimLink", "User", "ClaimVector"];

export type PgCorpus = { url: string; reused: boolean; copySeconds: number; indexSeconds: number };

async function marker(serverUrl: string, name: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const r = await client.query<{ c: string | null }>(
      `SELECT shobj_description(oid, 'pg_database') AS c FROM pg_database WHERE datname = $1`, [name],
    );
    return r.rows[0]?.c ?? null;
  } finally {
    await client.end();
  }
}

async function copyTables(sqlite: Database.Database, load: pg.Client, log: (s: string) => void): Promise<void> {
  await load.query("SET session_replication_role = replica"); // triggers and foreign keys off for the copy
  for (const table of TABLES) {
    const cols = (await load.query<{ name: string; type: string }>(
      `SELECT column_name AS name, data_type AS type FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position`, [table],
    )).rows;
    const convert = cols.map((c) =>
      c.type === "boolean" ? (v: unknown) => (v === null ? null : Boolean(v))
      : c.type.startsWith("timestamp") ? (v: unknown) => (typeof v === "number" ? new Date(v) : v)
      : (v: unknown) => v,
    );
    const per = Math.floor(30_000 / cols.length);
    const head = `INSERT INTO "${table}" (${cols.map((c) => `"${c.name}"`).join(", ")}) VALUES `;
    const rows = sqlite.prepare(`SELECT ${cols.map((c) => `"${c.name}"`).join(", ")} FROM "${table}"`).raw(true).iterate() as IterableIterator<unknown[]>;
    let batch: unknown[][] = [];
    let n = 0;
    const flush = async () => {
      if (!batch.length) return;
      const params = batch.flatMap((r) => r.map((v, i) => convert[i]!(v)));
      const tuples = batch.map((_, r) => `(${cols.map((_, i) => `$${r * cols.length + i + 1}`).join(", ")})`);
      await load.query(head + tuples.join(", "), params);
      n += batch.length;
      batch = [];
    };
    for (const r of rows) {
      batch.push(r);
      if (batch.length >= per) await flush();
    }
    await flush();
    log(`${table}: ${n.toLocaleString("en-US")} rows`);
  }
  await load.query("SET session_replication_role = origin");
}

/**
 * The corpus in `file` as database `name` on the server at `serverUrl`; `corpusId` names
 * the corpus (its generation time), and a database already holding it is reused. The
 * SQLite file must be at this build's schema (run its migrations first).
 */
export async function pgCorpus(opts: { file: string; serverUrl: string; name: string; corpusId: string; log: (s: string) => void }): Promise<PgCorpus> {
  const { file, serverUrl, name, corpusId, log } = opts;
  if ((await marker(serverUrl, name)) === corpusId) {
    const url = withDatabase(serverUrl, name);
    await migrate(url);
    log(`reusing database ${name} (${corpusId})`);
    return { url, reused: true, copySeconds: 0, indexSeconds: 0 };
  }
  const url = await recreateDatabase(serverUrl, name);
  await migrate(url);
  const sqlite = new Database(file, { readonly: true });
  const load = new pg.Client({ connectionString: url });
  await load.connect();
  try {
    let started = performance.now();
    await copyTables(sqlite, load, log);
    const copySeconds = (performance.now() - started) / 1000;
    started = performance.now();
    for (const refresh of PG_INDEXED_TABLES.map((t) => t.refresh)) {
      await load.query(`SELECT ${refresh}(ARRAY(SELECT "id" FROM "Claim" ORDER BY "id"))`);
      log(`${refresh} done`);
    }
    await load.query("VACUUM ANALYZE");
    const indexSeconds = (performance.now() - started) / 1000;
    await load.query(`COMMENT ON DATABASE "${name}" IS '${corpusId.replace(/'/g, "''")}'`);
    log(`copied in ${copySeconds.toFixed(0)} s, indexed in ${indexSeconds.toFixed(0)} s`);
    return { url, reused: false, copySeconds, indexSeconds };
  } finally {
    await load.end();
    sqlite.close();
  }
}
