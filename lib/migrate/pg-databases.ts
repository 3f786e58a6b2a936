// Databases on a PostgreSQL server, for tests, benchmarks and the migration diff: the
// server is VERBATIM_TEST_PG_URL's, or a throwaway one (scripts/pg-server.mjs).
import pg from "pg";
import { startPostgres } from "../../scripts/pg-server.mjs";
import { withDatabase } from "../db-url";

export type PgServer = { url: string; stop(): void };

/** VERBATIM_TEST_PG_URL's server (left running), or a new throwaway one. */
export async function pgServer(): Promise<PgServer> {
  const url = process.env.VERBATIM_TEST_PG_URL;
  return url ? { url, stop: () => {} } : startPostgres();
}

async function admin<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** An empty database `name` (dropped first if it exists), or a copy of `template`; returns its URL. */
export async function recreateDatabase(serverUrl: string, name: string, template?: string): Promise<string> {
  await admin(serverUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`);
  });
  return withDatabase(serverUrl, name);
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await admin(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}
