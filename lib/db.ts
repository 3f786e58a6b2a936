// The one Prisma client. SQLite through better-sqlite3 by default; PostgreSQL through
// @prisma/adapter-pg when DATABASE_URL is postgres:// or postgresql:// (see
// lib/db-url.ts). Created lazily so that importing this module (e.g. during
// `next build`) opens nothing.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";
import { databaseUrl, type Engine, engineOf, pgPoolSize, sqliteFilePath } from "./db-url";
import { numberPlaceholders } from "./sql-placeholders";

/**
 * Both generated clients have the same models and operations; code is typed against the
 * SQLite one and uses only what both offer (no `mode: "insensitive"`, no
 * `skipDuplicates`, no native types).
 */
export type Db = PrismaClient;
/** The client or an interactive transaction: domain functions accept either. */
export type DbTx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

const holder = globalThis as unknown as { verbatimDb?: PrismaClient; verbatimDbUrl?: string };

const ENGINE = Symbol.for("verbatim.engine");

/**
 * Which engine a client (or an interactive transaction, which forwards to its client)
 * talks to: the one place below the repositories that chooses SQL by engine.
 */
export function dbEngine(db: DbTx): Engine {
  return (db as unknown as { [ENGINE]?: Engine })[ENGINE] ?? "sqlite";
}

export function createDb(url = databaseUrl()): PrismaClient {
  const engine = engineOf(url);
  let client: PrismaClient;
  if (engine === "postgres") {
    const adapter = new PrismaPg({ connectionString: url, max: pgPoolSize() });
    client = new PostgresClient({ adapter }) as unknown as PrismaClient;
  } else {
    sqliteFilePath(url);
    // timeout: wait up to 5 s for a concurrent writer instead of failing with SQLITE_BUSY.
    client = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url, timeout: 5000 }) });
  }
  Object.defineProperty(client, ENGINE, { value: engine });
  return client;
}

/** Raw SQL written with `?` placeholders, as the client's engine takes it. */
export const rawSql = (db: DbTx, sql: string): string => (dbEngine(db) === "postgres" ? numberPlaceholders(sql) : sql);

/** The shared client for the configured DATABASE_URL. */
export function getDb(): PrismaClient {
  const url = databaseUrl();
  if (!holder.verbatimDb || holder.verbatimDbUrl !== url) {
    holder.verbatimDb = createDb(url);
    holder.verbatimDbUrl = url;
  }
  return holder.verbatimDb;
}
