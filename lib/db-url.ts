import path from "node:path";

export const DEFAULT_DATABASE_URL = "file:./data/verbatim.db";

/** The configured database URL; SQLite under data/ unless DATABASE_URL says otherwise. */
export function databaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

/** Absolute path of a `file:` SQLite URL, resolved against the working directory. */
export function sqliteFilePath(url: string): string {
  if (!url.startsWith("file:")) {
    throw new Error(
      `Only SQLite "file:" URLs are supported by this build (got "${url.split(":")[0]}:"); ` +
        "see README, 'PostgreSQL'.",
    );
  }
  const rest = url.slice("file:".length).split("?")[0]!;
  return path.resolve(rest);
}
