// Prisma CLI configuration for PostgreSQL, where the native CLI is present:
//   npx prisma migrate deploy --config prisma.postgres.config.ts
// Offline, `npx verbatim migrate` applies the same migrations (lib/migrate/migrate.ts).
import { defineConfig } from "prisma/config";
import { PG_EXTERNAL_TABLES } from "./lib/migrate/postgres-schema";

export default defineConfig({
  schema: "prisma/postgres/schema.prisma",
  migrations: { path: "prisma/postgres/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
  // The search and similar-claim tables (kept by triggers, not modelled): not to be dropped.
  experimental: { externalTables: true },
  tables: { external: PG_EXTERNAL_TABLES.map((t) => `public.${t}`) },
});
