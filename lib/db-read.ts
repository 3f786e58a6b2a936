// A read-only connection for hot and bulk reads (the claim page, exports), beside the
// Prisma client. Prisma's row mapping costs more than the queries themselves there;
// plain SQL on the driver is several times faster. Only SELECTs of portable SQL go
// through here — every write goes through Prisma and its invariant triggers.
import Database from "better-sqlite3";
import { databaseUrl, sqliteFilePath } from "./db-url";

export type Row = Record<string, unknown>;
export type ReadDb = { all<T extends Row>(sql: string, params: unknown[]): T[] };

type Connection = { file: string; read: ReadDb; close: () => void };
const holder = globalThis as unknown as { verbatimReadDb?: Connection };

function open(file: string): Connection {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  // Compiling a statement with hundreds of placeholders costs more than running it:
  // keep recent statements (batches and pages repeat the same shapes).
  const statements = new Map<string, Database.Statement>();
  const read: ReadDb = {
    all: <T extends Row>(sql: string, params: unknown[]) => {
      let stmt = statements.get(sql);
      if (!stmt) {
        if (statements.size >= 200) statements.clear();
        stmt = db.prepare(sql);
        statements.set(sql, stmt);
      }
      return stmt.all(...params) as T[];
    },
  };
  return { file, read, close: () => db.close() };
}

/** The shared read connection for a database URL (DATABASE_URL by default). */
export function readDbFor(url = databaseUrl()): ReadDb {
  const file = sqliteFilePath(url);
  if (holder.verbatimReadDb?.file !== file) {
    holder.verbatimReadDb?.close();
    holder.verbatimReadDb = open(file);
  }
  return holder.verbatimReadDb.read;
}
