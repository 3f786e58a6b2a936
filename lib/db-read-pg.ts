// lib/db-read.ts on PostgreSQL: a pg pool of its own (VERBATIM_PG_POOL connections), the
// same SQL with `?` placeholders numbered for PostgreSQL, and values read as SQLite's
// read path gives them (counts as numbers; timestamps as Date, which dbIso takes).
import pg from "pg";
import type { BulkReadDb, ReadDb, Row } from "./db-read";
import { numberPlaceholders } from "./sql-placeholders";

const INT8_OID = 20;
const NUMERIC_OID = 1700;
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === INT8_OID || oid === NUMERIC_OID ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};
const holder = globalThis as unknown as { verbatimPgRead?: { url: string; read: ReadDb; pool: pg.Pool } };
/** Connections per process for reads (the Prisma client has a pool of the same size). */
const poolSize = () => {
  const n = Number(process.env.VERBATIM_PG_POOL);
  return Number.isInteger(n) && n > 0 ? n : 10;
};

export function pgReadDb(url: string): ReadDb {
  if (holder.verbatimPgRead?.url === url) return holder.verbatimPgRead.read;
  const pool = new pg.Pool({ connectionString: url, max: poolSize(), types });
  pool.on("error", () => {}); // an idle client's error: the pool replaces it
  const read: ReadDb = {
    engine: "postgres",
    all: async <T extends Row>(sql: string, params: unknown[]) => (await pool.query<T>(numberPlaceholders(sql), params)).rows,
    rows: async <T extends unknown[]>(sql: string, params: unknown[]) =>
      (await pool.query<T>({ text: numberPlaceholders(sql), values: params, rowMode: "array" })).rows,
    bulk: (): BulkReadDb => ({ ...read, close: () => {} }),
  };
  const old = holder.verbatimPgRead;
  holder.verbatimPgRead = { url, read, pool };
  if (old) void old.pool.end();
  return read;
}
