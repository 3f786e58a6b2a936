// What Verbatim needs of a PostgreSQL database before it migrates it: UTF8, so that
// substr() and length() count code points (the offsets' unit), and a code-point collation
// (C or C.UTF-8), so that ORDER BY on text sorts as SQLite's BINARY does and both engines
// answer in the same order. Both are fixed when the database is created.
import pg from "pg";

const CODE_POINT_COLLATIONS = new Set(["C", "POSIX", "C.UTF-8", "C.utf8", "C.UTF8"]);

export type DatabaseLocale = { name: string; encoding: string; collate: string };

/** The problems with a database's encoding and collation; empty when it is fit. */
export function localeProblems(d: DatabaseLocale): string[] {
  const out: string[] = [];
  if (d.encoding !== "UTF8") out.push(`its encoding is ${d.encoding}, not UTF8 (offsets count code points)`);
  if (!CODE_POINT_COLLATIONS.has(d.collate)) out.push(`its collation is ${d.collate}, not C or C.UTF-8 (text must sort by code point, as on SQLite)`);
  return out;
}

export async function checkPgDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<DatabaseLocale>(
      `SELECT datname AS name, pg_encoding_to_char(encoding) AS encoding, datcollate AS collate FROM pg_database WHERE datname = current_database()`,
    );
    const problems = localeProblems(rows[0]!);
    if (problems.length) {
      const name = rows[0]!.name;
      throw new Error(
        `PostgreSQL database "${name}" cannot hold Verbatim's data: ${problems.join("; ")}. Create it with\n` +
          `  CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8';`,
      );
    }
  } finally {
    await client.end();
  }
}
