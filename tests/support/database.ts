// Test factory: a real, migrated database per test file (a SQLite file, or a PostgreSQL
// database copied from a migrated template), optionally seeded.
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { createDb, type Db } from "@/lib/db";
import { dropDatabase, recreateDatabase } from "@/lib/migrate/pg-databases";
import { migrate } from "@/lib/migrate/migrate";
import { runSeed } from "@/lib/seed/run-seed";

export type TestDatabase = { url: string; file: string; db: Db; cleanup: () => Promise<void> };

export async function freshDatabase({ seed = true } = {}): Promise<TestDatabase> {
  // The integration suite's PostgreSQL run (vitest project integration-postgres).
  if (process.env.VERBATIM_TEST_ENGINE === "postgres") return freshPgDatabase(inject("pgServerUrl"), inject("pgTemplate"), { seed });
  const dir = mkdtempSync(path.join(os.tmpdir(), "verbatim-test-"));
  const file = path.join(dir, "test.db");
  const url = `file:${file}`;
  await migrate(url);
  const db = createDb(url);
  if (seed) await runSeed(db);
  return {
    url,
    file,
    db,
    cleanup: async () => {
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Makes the app's shared client (getDb) use this database, as a deployment's DATABASE_URL would. */
export function useAsAppDatabase(t: TestDatabase): void {
  process.env.DATABASE_URL = t.url;
}

/**
 * A PostgreSQL database of its own for a test file, copied from the migrated template
 * that tests/support/postgres-setup.ts made (the `postgres` vitest project).
 */
export async function freshPgDatabase(serverUrl: string, template: string, { seed = true } = {}): Promise<TestDatabase> {
  const name = `verbatim_test_${randomUUID().replace(/-/g, "").slice(0, 16)}`;
  const url = await recreateDatabase(serverUrl, name, template);
  const db = createDb(url);
  if (seed) await runSeed(db);
  return {
    url,
    file: "",
    db,
    cleanup: async () => {
      await db.$disconnect();
      await dropDatabase(serverUrl, name);
    },
  };
}
