// lib/db-read.ts on PostgreSQL: a pg pool of its own (VERBATIM_PG_POOL connections), the
// same SQL with `?` placeholders numbered for PostgreSQL, and values read as SQLite's
// read path gives them (counts as numbers; timestamps as Date, which dbIso takes).
import { createHash } from "node:crypto";
import pg from "pg";
import type { BulkReadDb, ReadDb, Row } from "./db-read";
import { pgPoolSize } from "./db-url";
import { numberPlaceholders } from "./sql-placeholders";

const INT8_OID = 20;
const NUMERIC_OID = 1700;
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === INT8_OID || oid === NUMERIC_OID ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};
const holder = globalThis as unknown as { verbatimPgRead?: { url: string; read: ReadDb; pool: pg.Pool } };
const names = new Map<string, string>();
function statement(sql: string, values: unknown[]): { name: string; text: string; values: unknown[] } {
  let name = names.get(sql);
  if (name === undefined) {
    name = `v${createHash("sha1").update(sql).digest("hex").slice(0, 20)}`;
    if (names.size >= 500) names.clear();
    names.set(sql, name);
  }
  return { name, text: numberPlaceholders(sql), values };
}

export function pgReadDb(url: string): ReadDb {
  if (holder.verbatimPgRead?.url === url) return holder.verbatimPgRead.read;
  const pool = new pg.Pool({ connectionString: url, max: pgPoolSize(), types });
  pool.on("error", () => {}); // an idle client's error: the pool replaces it
  // Statements are named (parsed once per connection) but planned for their values each
  // time: a generic plan for a search cannot know how common its words are.
  pool.on("connect", (client) => void client.query("SET plan_cache_mode = force_custom_plan").catch(() => {}));
  const read: ReadDb = {
    engine: "postgres",
    all: async <T extends Row>(sql: string, params: unknown[]) => (await pool.query<T>(statement(sql, params))).rows,
    rows: async <T extends unknown[]>(sql: string, params: unknown[]) => (await pool.query<T>({ ...statement(sql, params), rowMode: "array" })).rows,
    bulk: (): BulkReadDb => ({ ...read, close: () => {} }),
  };
  const old = holder.verbatimPgRead;
  holder.verbatimPgRead = { url, read, pool };
  if (old) void old.pool.end();
  return read;
}
