// For the PostgreSQL suite: a server (VERBATIM_TEST_PG_URL, or a throwaway one started
// here from Debian's postgresql, see scripts/pg-server.mjs) and a migrated template
// database that each test file copies (`CREATE DATABASE … TEMPLATE`, ~0.1 s).
import type { TestProject } from "vitest/node";
import { migrate } from "@/lib/migrate/migrate";
import { pgServer, recreateDatabase } from "@/lib/migrate/pg-databases";

declare module "vitest" {
  export interface ProvidedContext {
    pgServerUrl: string;
    pgTemplate: string;
  }
}

export const PG_TEMPLATE = "verbatim_template";

export default async function setup(project: TestProject): Promise<() => void> {
  const started = await pgServer();
  await migrate(await recreateDatabase(started.url, PG_TEMPLATE));
  project.provide("pgServerUrl", started.url);
  project.provide("pgTemplate", PG_TEMPLATE);
  return () => started.stop();
}
