// Creates a new migration for both engines from the difference between each engine's
// migration history and prisma/schema.prisma (PostgreSQL's schema is derived from it),
// offline (WebAssembly schema engine). The PostgreSQL diff needs a server: a throwaway one
// is started (scripts/pg-server.mjs) unless VERBATIM_TEST_PG_URL names one.
// Usage: npm run db:migration:new -- <name>
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { diffMigrationsToSchema, migrationsDir, postgresMigrationsDir } from "../lib/migrate/migrate";
import { dropDatabase, pgServer, recreateDatabase } from "../lib/migrate/pg-databases";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration:new -- <snake_case_name>");
  process.exit(2);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);

function write(engine: string, dir: string, sql: string): void {
  if (!sql.replace(/^--.*$/gm, "").trim()) {
    console.log(`${engine}: schema.prisma matches the migrations; nothing to create.`);
    return;
  }
  const out = path.join(dir, `${stamp}_${name}`);
  mkdirSync(out);
  writeFileSync(path.join(out, "migration.sql"), sql);
  console.log(`${engine}: created ${path.relative(process.cwd(), out)}/migration.sql`);
}

const scratch = mkdtempSync(path.join(os.tmpdir(), "verbatim-diff-"));
try {
  write("SQLite", migrationsDir, await diffMigrationsToSchema(`file:${path.join(scratch, "scratch.db")}`));
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const server = await pgServer();
try {
  const db = `verbatim_diff_${process.pid}`;
  try {
    write("PostgreSQL", postgresMigrationsDir, await diffMigrationsToSchema(await recreateDatabase(server.url, db)));
  } finally {
    await dropDatabase(server.url, db);
  }
} finally {
  server.stop();
}
console.log("If a migration redefines a table, re-create that table's triggers on both engines (see prisma/README.md).");
