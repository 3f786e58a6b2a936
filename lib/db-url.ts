import path from "node:path";

export const DEFAULT_DATABASE_URL = "file:./data/verbatim.db";
export type Engine = "sqlite" | "postgres";

/** The configured database URL; SQLite under data/ unless DATABASE_URL says otherwise. */
export function databaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

/** Which engine a URL names: `file:` is SQLite, `postgres://` or `postgresql://` PostgreSQL. */
export function engineOf(url = databaseUrl()): Engine {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgres";
  throw new Error(
    `Unsupported DATABASE_URL scheme "${url.split(":")[0]}:": use file:PATH (SQLite) or postgresql://… (PostgreSQL).`,
  );
}

/** Connections per pool to PostgreSQL (VERBATIM_PG_POOL, default 10); see README. */
export function pgPoolSize(): number {
  const n = Number(process.env.VERBATIM_PG_POOL);
  return Number.isInteger(n) && n > 0 ? n : 10;
}

/** Absolute path of a `file:` SQLite URL, resolved against the working directory. */
export function sqliteFilePath(url: string): string {
  if (engineOf(url) !== "sqlite") {
    throw new Error(`This operation needs a SQLite "file:" URL (got "${url.split(":")[0]}:").`);
  }
  const rest = url.slice("file:".length).split("?")[0]!;
  return path.resolve(rest);
}

/** A database URL fit to print: a PostgreSQL password is replaced by "***". */
export function displayUrl(url = databaseUrl()): string {
  if (engineOf(url) !== "postgres") return url;
  const u = new URL(url);
  if (u.password) u.password = "***";
  return u.toString();
}

/** The same PostgreSQL URL naming another database on the same server. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}
