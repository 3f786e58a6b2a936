// Prisma CLI configuration. The CLI is only needed where the internet is present
// (`prisma migrate deploy`/`dev`); offline, `npm run db:migrate` applies the same
// migrations through the WebAssembly schema engine (see lib/migrate/migrate.ts).
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "file:./data/verbatim.db" },
});
