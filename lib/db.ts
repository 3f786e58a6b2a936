// The one Prisma client. SQLite through better-sqlite3 by default; the URL comes from
// DATABASE_URL (see lib/db-url.ts). Created lazily so that importing this module
// (e.g. during `next build`) opens nothing.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/prisma/client";
import { databaseUrl, sqliteFilePath } from "./db-url";

export type Db = PrismaClient;
/** The client or an interactive transaction: domain functions accept either. */
export type DbTx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

const holder = globalThis as unknown as { verbatimDb?: PrismaClient; verbatimDbUrl?: string };

export function createDb(url = databaseUrl()): PrismaClient {
  sqliteFilePath(url); // fails clearly for an unsupported URL scheme
  // timeout: wait up to 5 s for a concurrent writer instead of failing with SQLITE_BUSY.
  return new PrismaClient({ adapter: new PrismaBetterSqlite3({ url, timeout: 5000 }) });
}

/** The shared client for the configured DATABASE_URL. */
export function getDb(): PrismaClient {
  const url = databaseUrl();
  if (!holder.verbatimDb || holder.verbatimDbUrl !== url) {
    holder.verbatimDb = createDb(url);
    holder.verbatimDbUrl = url;
  }
  return holder.verbatimDb;
}
