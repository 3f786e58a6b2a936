// Applies the committed migrations in prisma/migrations to a database, offline.
// Produces the same `_prisma_migrations` bookkeeping as `prisma migrate deploy`,
// so either tool can take over from the other.
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { MigrationList } from "@prisma/schema-engine-wasm";
import { withSchemaEngine } from "./engine";
import { databaseUrl, type Engine, engineOf, sqliteFilePath } from "../db-url";
import { checkPgDatabase } from "./pg-database-check";
import { PG_EXTERNAL_TABLES, postgresSchemaPath, readPostgresSchema } from "./postgres-schema";
import { EXTERNAL_TABLES } from "../search/external-tables";

const projectRoot = path.resolve(import.meta.dirname, "..", "..");
export const migrationsDir = path.join(projectRoot, "prisma", "migrations");
export const schemaPath = path.join(projectRoot, "prisma", "schema.prisma");
/** Each engine has a migration history of its own; PostgreSQL's sits beside its schema. */
export const postgresMigrationsDir = path.join(projectRoot, "prisma", "postgres", "migrations");

export const migrationsDirFor = (engine: Engine): string => (engine === "postgres" ? postgresMigrationsDir : migrationsDir);
export const schemaPathFor = (engine: Engine): string => (engine === "postgres" ? postgresSchemaPath : schemaPath);
/** The data model for an engine: PostgreSQL's is derived from SQLite's (postgres-schema.ts). */
export const schemaFor = (engine: Engine): string =>
  engine === "postgres" ? readPostgresSchema() : readFileSync(schemaPath, "utf8");

// Tables the migrations create but schema.prisma cannot describe (the FTS5 search index).
const filters = { externalTables: EXTERNAL_TABLES, externalEnums: [] };
// PostgreSQL wants schema-qualified names; its search tables are listed in postgres-schema.ts.
const pgFilters = { externalTables: PG_EXTERNAL_TABLES.map((t) => `public.${t}`), externalEnums: [] };
const filtersFor = (engine: Engine) => (engine === "postgres" ? pgFilters : filters);

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
export async function migrate(url = databaseUrl(), options: { dir?: string } = {}): Promise<string[]> {
  const engineName = engineOf(url);
  if (engineName === "postgres") {
    await checkPgDatabase(url);
    const out = await withSchemaEngine(url, schemaFor("postgres"), (engine) =>
      engine.applyMigrations({ migrationsList: readMigrations(options.dir ?? postgresMigrationsDir), filters: pgFilters }),
    );
    return out.appliedMigrationNames;
  }
  const file = sqliteFilePath(url);
  mkdirSync(path.dirname(file), { recursive: true });
  const out = await withSchemaEngine(url, schemaFor("sqlite"), (engine) =>
    engine.applyMigrations({ migrationsList: readMigrations(options.dir), filters }),
  );
  // WAL lets readers (page renders) proceed while a write is in progress; the setting
  // is stored in the database file, so it is made once here.
  const sqlite = new Database(file);
  try {
    sqlite.pragma("journal_mode = WAL");
    analyzeNewIndexes(sqlite);
  } finally {
    sqlite.close();
  }
  return out.appliedMigrationNames;
}

/**
 * Statistics for indexes that have none in a database that has statistics (ANALYZE ran
 * on it before a migration added them). SQLite's planner takes an index without
 * statistics for a selective one: after the migration that added "Claim"("status",
 * "updatedAt", "id"), `GET /api/claims?status=` on the 1,000,000-claim bench database
 * picked it and sorted a quarter of the claims for each page (557 ms alone, 2.9 s p50 at
 * four connections) instead of reading ("status", "createdAt", "id") in order. A database
 * never analyzed is left alone (the planner's rules pick the index that gives the order).
 */
function analyzeNewIndexes(sqlite: Database.Database): void {
  const hasStats = sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE "type" = 'table' AND "name" = 'sqlite_stat1'`).get();
  if (!hasStats) return;
  const missing = sqlite
    .prepare(
      `SELECT i."name" FROM sqlite_master i JOIN sqlite_master t ON t."type" = 'table' AND t."name" = i."tbl_name"
       WHERE i."type" = 'index' AND t."sql" NOT LIKE 'CREATE VIRTUAL TABLE%'
         AND NOT EXISTS (SELECT 1 FROM sqlite_stat1 s WHERE s."idx" = i."name")
         AND EXISTS (SELECT 1 FROM sqlite_stat1 s WHERE s."tbl" = i."tbl_name")`,
    )
    .pluck()
    .all() as string[];
  for (const name of missing) sqlite.exec(`ANALYZE "${name.replace(/"/g, '""')}"`);
}

/** SQL that takes the database described by the migrations to the current schema.prisma. */
export async function diffMigrationsToSchema(url: string): Promise<string> {
  const engineName = engineOf(url);
  const schema = schemaFor(engineName);
  const result = await withSchemaEngine(url, schema, (engine) =>
    engine.diff({
      from: { tag: "migrations", ...readMigrations(migrationsDirFor(engineName)) },
      to: { tag: "schemaDatamodel", files: [{ path: schemaPathFor(engineName), content: schema }] },
      script: true,
      exitCode: null,
      filters: filtersFor(engineName),
    }),
  );
  return result.stdout ?? "";
}
