// The PostgreSQL data model is the SQLite one (prisma/schema.prisma, the one to edit)
// with three differences: the provider, the client's output folder, and timestamps
// stored as `timestamptz`. prisma/postgres/schema.prisma is written from it by
// `node scripts/prisma-generate.mjs` and checked against it by a unit test, so the
// two never drift.
import { readFileSync } from "node:fs";
import path from "node:path";
import { PAGE_FEED_TABLE } from "../cache/page-change-triggers";
import { MATCH_VOCAB_TABLE, PG_INDEXED_TABLES } from "../search/external-tables";

const projectRoot = path.resolve(import.meta.dirname, "..", "..");
export const sqliteSchemaPath = path.join(projectRoot, "prisma", "schema.prisma");
export const postgresSchemaPath = path.join(projectRoot, "prisma", "postgres", "schema.prisma");

/** Tables the PostgreSQL migrations create that schema.prisma does not model. */
export const PG_EXTERNAL_TABLES: string[] = [...PG_INDEXED_TABLES.map((t) => t.table), MATCH_VOCAB_TABLE, PAGE_FEED_TABLE];

const HEADER =
  "// GENERATED from prisma/schema.prisma by scripts/prisma-generate.mjs: edit that file, not this one.\n" +
  "// PostgreSQL differs in provider, client folder (lib/generated/postgres) and timestamptz.\n\n";

/** The PostgreSQL schema for a SQLite schema's text. */
export function postgresSchemaFrom(sqlite: string): string {
  let out = sqlite
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace(/output(\s*)=\s*"\.\.\/lib\/generated\/prisma"/, 'output$1= "../../lib/generated/postgres"');
  if (out === sqlite || !out.includes('"postgresql"') || !out.includes("generated/postgres")) {
    throw new Error("prisma/schema.prisma: expected a sqlite datasource and output ../lib/generated/prisma");
  }
  // A DateTime field line: `name DateTime[?] attributes…`; add @db.Timestamptz(3) once.
  out = out.replace(/^(\s+\w+\s+DateTime\??)([^\n]*)$/gm, (line, head: string, rest: string) =>
    rest.includes("@db.") ? line : `${head}${rest.replace(/\s+$/, "")} @db.Timestamptz(3)`,
  );
  return HEADER + out;
}

export function readPostgresSchema(): string {
  return postgresSchemaFrom(readFileSync(sqliteSchemaPath, "utf8"));
}
