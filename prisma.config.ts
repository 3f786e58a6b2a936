// Prisma CLI configuration. The CLI is only needed where the internet is present
// (`prisma migrate deploy`/`dev`); offline, `npm run db:migrate` applies the same
// migrations through the WebAssembly schema engine (see lib/migrate/migrate.ts).
import { defineConfig } from "prisma/config";
import { EXTERNAL_TABLES } from "./lib/search/external-tables";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "file:./data/verbatim.db" },
  // The FTS5 search index and its shadow tables: created by a migration, not modelled,
  // and not to be dropped by `migrate dev` (lib/migrate passes the same list offline).
  experimental: { externalTables: true },
  tables: { external: EXTERNAL_TABLES },
});
