// Creates a new migration from the difference between prisma/migrations and
// prisma/schema.prisma, offline (WebAssembly schema engine). Online, `npx prisma
// migrate dev --create-only` does the same. Usage: npm run db:migration:new -- <name>
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { diffMigrationsToSchema, migrationsDir } from "../lib/migrate/migrate";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration:new -- <snake_case_name>");
  process.exit(2);
}
const scratch = mkdtempSync(path.join(os.tmpdir(), "verbatim-diff-"));
try {
  const sql = await diffMigrationsToSchema(`file:${path.join(scratch, "scratch.db")}`);
  if (!sql.replace(/^--.*$/gm, "").trim()) {
    console.log("schema.prisma matches the migrations; nothing to create.");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(migrationsDir, `${stamp}_${name}`);
    mkdirSync(dir);
    writeFileSync(path.join(dir, "migration.sql"), sql);
    console.log(`created ${path.relative(process.cwd(), dir)}/migration.sql`);
    console.log("If it redefines a table, re-create that table's triggers (see prisma/README.md).");
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
