// A read-only connection for hot and bulk reads (the claim page, exports), beside the
// Prisma client. Prisma's row mapping costs more than the queries themselves there;
// plain SQL on the driver is several times faster. Only SELECTs of portable SQL go
// through here — every write goes through Prisma and its invariant triggers.
import Database from "better-sqlite3";
import { databaseUrl, sqliteFilePath } from "./db-url";

export type Row = Record<string, unknown>;

/**
 * A DateTime column read as a plain row, as the API shows it (Date#toISOString()).
 * Prisma stores "2026-11-21T19:37:25.741+00:00" (the common case, converted without
 * parsing), or epoch milliseconds.
 */
export const dbIso = (d: Date | string | number): string =>
  typeof d === "string" && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/.test(d) ? `${d.slice(0, 23)}Z` : new Date(d).toISOString();
export type ReadDb = {
  all<T extends Row>(sql: string, params: unknown[]): T[];
  /**
   * The same rows as arrays of column values in SELECT order: no object with named keys
   * per row, for bulk reads of many rows (the export reads 100,000s).
   */
  rows<T extends unknown[]>(sql: string, params: unknown[]): T[];
  /**
   * A connection of its own to the same file for one long bulk read (an export),
   * closed by the caller: its page cache is small, so that streaming a whole table
   * neither adds the shared cache's 16 MB to the process nor evicts the pages that the
   * claim pages keep hot; its statements go when it is closed.
   */
  bulk(): BulkReadDb;
};
export type BulkReadDb = ReadDb & { close(): void };

type Connection = { file: string; read: ReadDb; close: () => void };

// better-sqlite3's default page cache is 16 MB (SQLITE_DEFAULT_CACHE_SIZE=-16000). A bulk
// read touches each page about once in index order: a larger cache buys it nothing.
const BULK_CACHE_KIB = 2048;
const holder = globalThis as unknown as { verbatimReadDb?: Connection };

function open(file: string, cacheKib?: number): Connection {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  if (cacheKib !== undefined) db.pragma(`cache_size = -${cacheKib}`);
  // Compiling a statement with hundreds of placeholders costs more than running it:
  // keep recent statements (batches and pages repeat the same shapes).
  // Raw (array) statements are cached apart: raw mode is a property of the statement.
  const statements = new Map<string, Database.Statement>();
  const rawStatements = new Map<string, Database.Statement>();
  const prepare = (cache: Map<string, Database.Statement>, sql: string, raw: boolean) => {
    let stmt = cache.get(sql);
    if (!stmt) {
      if (cache.size >= 200) cache.clear();
      stmt = db.prepare(sql);
      if (raw) stmt.raw(true);
      cache.set(sql, stmt);
    }
    return stmt;
  };
  const read: ReadDb = {
    all: <T extends Row>(sql: string, params: unknown[]) => prepare(statements, sql, false).all(...params) as T[],
    rows: <T extends unknown[]>(sql: string, params: unknown[]) => prepare(rawStatements, sql, true).all(...params) as T[],
    bulk: () => {
      const c = open(file, BULK_CACHE_KIB);
      return { ...c.read, close: c.close };
    },
  };
  return { file, read, close: () => db.close() };
}

/**
 * The shared read connection for a database URL (DATABASE_URL by default), with a page
 * cache of `cacheKib` KiB when it opens (16 MB by default).
 */
export function readDbFor(url = databaseUrl(), options: { cacheKib?: number } = {}): ReadDb {
  const file = sqliteFilePath(url);
  if (holder.verbatimReadDb?.file !== file) {
    holder.verbatimReadDb?.close();
    holder.verbatimReadDb = open(file, options.cacheKib);
  }
  return holder.verbatimReadDb.read;
}
