// A read-only path for hot and bulk reads (the claim page, exports, search), beside the
// Prisma client. Prisma's row mapping costs more than the queries themselves there;
// plain SQL on the driver is several times faster. Only SELECTs go through here — every
// write goes through Prisma and its invariant triggers. SQL is written once with `?`
// placeholders; where the engines differ, the repository picks by `read.engine`.
import { type Engine, databaseUrl, engineOf } from "./db-url";
import { pgReadDb } from "./db-read-pg";
import { sqliteReadDb } from "./db-read-sqlite";

export type Row = Record<string, unknown>;

/**
 * A DateTime column read as a plain row, as the API shows it (Date#toISOString()).
 * Prisma stores "2026-11-21T19:37:25.741+00:00" on SQLite (the common case, converted
 * without parsing), or epoch milliseconds; PostgreSQL's driver returns a Date.
 */
export const dbIso = (d: Date | string | number): string =>
  typeof d === "string" && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/.test(d) ? `${d.slice(0, 23)}Z` : new Date(d).toISOString();

export type ReadDb = {
  readonly engine: Engine;
  all<T extends Row>(sql: string, params: unknown[]): Promise<T[]>;
  /**
   * The same rows as arrays of column values in SELECT order: no object with named keys
   * per row, for bulk reads of many rows (the export reads 100,000s).
   */
  rows<T extends unknown[]>(sql: string, params: unknown[]): Promise<T[]>;
  /**
   * A connection of its own for one long bulk read (an export), closed by the caller. On
   * SQLite its page cache is small, so that streaming a whole table neither adds the
   * shared cache's 16 MB to the process nor evicts the pages that the claim pages keep hot.
   */
  bulk(): BulkReadDb;
};
export type BulkReadDb = ReadDb & { close(): void };

/** A true boolean column value: SQLite stores 1, PostgreSQL `true`. */
export const sqlTrue = (read: ReadDb): string => (read.engine === "postgres" ? "true" : "1");

/**
 * `"id" IN (…ids)` as one statement for any number of ids, not one compiled per list
 * length: a JSON array on SQLite, an array parameter on PostgreSQL.
 */
export function inList(read: ReadDb, column: string, ids: string[]): { sql: string; param: unknown } {
  return read.engine === "postgres"
    ? { sql: `${column} = ANY(?::text[])`, param: ids }
    : { sql: `${column} IN (SELECT "value" FROM json_each(?))`, param: JSON.stringify(ids) };
}

/** Picks a statement by engine, for the few reads whose SQL differs. */
export const bySql = (read: ReadDb, sql: { sqlite: string; postgres: string }): string => sql[read.engine];

/**
 * The shared read path for a database URL (DATABASE_URL by default); on SQLite with a page
 * cache of `cacheKib` KiB when it opens (16 MB by default).
 */
export function readDbFor(url = databaseUrl(), options: { cacheKib?: number } = {}): ReadDb {
  return engineOf(url) === "postgres" ? pgReadDb(url) : sqliteReadDb(url, options);
}
