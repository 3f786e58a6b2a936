// For the PostgreSQL suite: a server (VERBATIM_TEST_PG_URL, or a throwaway one started
// here from Debian's postgresql, see scripts/pg-server.mjs) and a migrated template
// database that each test file copies (`CREATE DATABASE … TEMPLATE`, ~0.1 s).
import pg from "pg";
import type { TestProject } from "vitest/node";
import { withDatabase } from "@/lib/db-url";
import { migrate } from "@/lib/migrate/migrate";
import { startPostgres } from "../../scripts/pg-server.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    pgServerUrl: string;
    pgTemplate: string;
  }
}

export const PG_TEMPLATE = "verbatim_template";

export default async function setup(project: TestProject): Promise<() => void> {
  const started = process.env.VERBATIM_TEST_PG_URL
    ? { url: process.env.VERBATIM_TEST_PG_URL, stop: () => {} }
    : await startPostgres();
  const admin = new pg.Client({ connectionString: started.url });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${PG_TEMPLATE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${PG_TEMPLATE}`);
  } finally {
    await admin.end();
  }
  await migrate(withDatabase(started.url, PG_TEMPLATE));
  project.provide("pgServerUrl", started.url);
  project.provide("pgTemplate", PG_TEMPLATE);
  return () => started.stop();
}
