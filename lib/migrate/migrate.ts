// Applies the committed migrations in prisma/migrations to a database, offline.
// Produces the same `_prisma_migrations` bookkeeping as `prisma migrate deploy`,
// so either tool can take over from the other.
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { MigrationList } from "@prisma/schema-engine-wasm";
import { withSchemaEngine } from "./engine";
import { databaseUrl, sqliteFilePath } from "../db-url";
import { EXTERNAL_TABLES } from "../search/external-tables";

const projectRoot = path.resolve(import.meta.dirname, "..", "..");
export const migrationsDir = path.join(projectRoot, "prisma", "migrations");
export const schemaPath = path.join(projectRoot, "prisma", "schema.prisma");

// Tables the migrations create but schema.prisma cannot describe (the FTS5 search index).
const filters = { externalTables: EXTERNAL_TABLES, externalEnums: [] };

export function readMigrations(dir = migrationsDir): MigrationList {
  const lockPath = path.join(dir, "migration_lock.toml");
  const names = existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => e.name)
        .sort()
    : [];
  return {
    baseDir: dir,
    lockfile: {
      path: "migration_lock.toml",
      content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null,
    },
    shadowDbInitScript: "",
    migrationDirectories: names.map((name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok" as const, value: readFileSync(path.join(dir, name, "migration.sql"), "utf8") },
      },
    })),
  };
}

/** Applies pending migrations; returns the names of those just applied. */
export async function migrate(url = databaseUrl()): Promise<string[]> {
  const file = sqliteFilePath(url);
  mkdirSync(path.dirname(file), { recursive: true });
  const out = await withSchemaEngine(url, readFileSync(schemaPath, "utf8"), (engine) =>
    engine.applyMigrations({ migrationsList: readMigrations(), filters }),
  );
  // WAL lets readers (page renders) proceed while a write is in progress; the setting
  // is stored in the database file, so it is made once here.
  const sqlite = new Database(file);
  try {
    sqlite.pragma("journal_mode = WAL");
  } finally {
    sqlite.close();
  }
  return out.appliedMigrationNames;
}

/** SQL that takes the database described by the migrations to the current schema.prisma. */
export async function diffMigrationsToSchema(url: string): Promise<string> {
  const schema = readFileSync(schemaPath, "utf8");
  const result = await withSchemaEngine(url, schema, (engine) =>
    engine.diff({
      from: { tag: "migrations", ...readMigrations() },
      to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: schema }] },
      script: true,
      exitCode: null,
      filters,
    }),
  );
  return result.stdout ?? "";
}
