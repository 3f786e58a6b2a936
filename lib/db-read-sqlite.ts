// lib/db-read.ts on SQLite: a read-only better-sqlite3 connection with a statement cache.
import Database from "better-sqlite3";
import type { BulkReadDb, ReadDb, Row } from "./db-read";
import { sqliteFilePath } from "./db-url";

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
  // The driver is synchronous: a query runs to its end before the promise is made.
  const read: ReadDb = {
    engine: "sqlite",
    all: async <T extends Row>(sql: string, params: unknown[]) => prepare(statements, sql, false).all(...params) as T[],
    rows: async <T extends unknown[]>(sql: string, params: unknown[]) => prepare(rawStatements, sql, true).all(...params) as T[],
    bulk: (): BulkReadDb => {
      const c = open(file, BULK_CACHE_KIB);
      return { ...c.read, close: c.close };
    },
  };
  return { file, read, close: () => db.close() };
}

export function sqliteReadDb(url: string, options: { cacheKib?: number } = {}): ReadDb {
  const file = sqliteFilePath(url);
  if (holder.verbatimReadDb?.file !== file) {
    holder.verbatimReadDb?.close();
    holder.verbatimReadDb = open(file, options.cacheKib);
  }
  return holder.verbatimReadDb.read;
}
