// A read-only connection for bulk reads (exports), beside the Prisma client. Prisma's
// row mapping costs more than the queries themselves at 100,000 claims; plain SQL on
// the driver keeps a full export within seconds. Only SELECTs of portable SQL go
// through here — every write goes through Prisma and its invariant triggers.
import Database from "better-sqlite3";
import { databaseUrl, sqliteFilePath } from "./db-url";

const holder = globalThis as unknown as { verbatimReadDb?: Database.Database; verbatimReadDbFile?: string };

export type Row = Record<string, unknown>;
export type ReadDb = { all<T extends Row>(sql: string, params: unknown[]): T[] };

export function readDbFor(url = databaseUrl()): ReadDb {
  const file = sqliteFilePath(url);
  if (!holder.verbatimReadDb || holder.verbatimReadDbFile !== file) {
    holder.verbatimReadDb?.close();
    holder.verbatimReadDb = new Database(file, { readonly: true, fileMustExist: true });
    holder.verbatimReadDbFile = file;
  }
  const db = holder.verbatimReadDb;
  // Compiling a statement with hundreds of placeholders costs more than running it:
  // keep recent statements (batches repeat the same shapes).
  const statements = new Map<string, Database.Statement>();
  return {
    all: <T extends Row>(sql: string, params: unknown[]) => {
      let stmt = statements.get(sql);
      if (!stmt) {
        if (statements.size >= 64) statements.clear();
        stmt = db.prepare(sql);
        statements.set(sql, stmt);
      }
      return stmt.all(...params) as T[];
    },
  };
}
