// Test factory: a real, migrated SQLite file per test file, optionally seeded.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb, type Db } from "@/lib/db";
import { migrate } from "@/lib/migrate/migrate";
import { runSeed } from "@/lib/seed/run-seed";

export type TestDatabase = { url: string; file: string; db: Db; cleanup: () => Promise<void> };

export async function freshDatabase({ seed = true } = {}): Promise<TestDatabase> {
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
