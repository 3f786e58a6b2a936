// The schema version a backup names. Backups name SQLite's migrations on both engines, so
// that a dump is the same bytes whichever engine wrote it and imports into either:
// PostgreSQL's history is its own (fewer, larger migrations), and each of its migrations
// says which SQLite migration's schema it brings the data to, in a first-line comment
// `-- same data as SQLite migration <name>`; one without it has SQLite's name (both are
// created together by `npm run db:migration:new`).
import { readFileSync } from "node:fs";
import path from "node:path";
import { type DbTx, dbEngine } from "../db";
import { migrationsDir, migrationsDirFor, postgresMigrationsDir, readMigrations } from "../migrate/migrate";

const MARK = /^-- same data as SQLite migration (\S+)/;

/** The SQLite migration a PostgreSQL migration brings the data to. */
export function sqliteEquivalent(pgMigration: string, dir = postgresMigrationsDir): string {
  let first = "";
  try {
    first = readFileSync(path.join(dir, pgMigration, "migration.sql"), "utf8").split("\n", 1)[0]!;
  } catch {
    // not in this build: its own name
  }
  return MARK.exec(first)?.[1] ?? pgMigration;
}

/** The engine's own migrations applied to the database, oldest first (Prisma's bookkeeping table). */
async function ownMigrations(db: DbTx): Promise<string[]> {
  const rows = await db.$queryRaw<{ migration_name: string }[]>`
    SELECT migration_name FROM _prisma_migrations
    WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL
    ORDER BY migration_name`;
  return rows.map((r) => r.migration_name);
}

/** This build's migrations for the database's engine that it has not applied (all of them if it was never migrated). */
export async function pendingMigrations(db: DbTx): Promise<string[]> {
  const have = await ownMigrations(db).catch(() => [] as string[]); // no bookkeeping table: never migrated
  return readMigrations(migrationsDirFor(dbEngine(db))).migrationDirectories.map((m) => m.path).filter((m) => !have.includes(m));
}

/** Names of the (SQLite) migrations whose schema the database has, oldest first. */
export async function appliedMigrations(db: DbTx): Promise<string[]> {
  const names = await ownMigrations(db);
  if (dbEngine(db) !== "postgres") return names;
  const reached = names.map((n) => sqliteEquivalent(n)).sort().at(-1);
  if (reached === undefined) return [];
  return readMigrations(migrationsDir).migrationDirectories.map((m) => m.path).filter((n) => n <= reached);
}
