// Generates the two Prisma clients at install time: lib/generated/prisma (SQLite) and
// lib/generated/postgres (PostgreSQL), the second from prisma/postgres/schema.prisma,
// which is first rewritten from prisma/schema.prisma (lib/migrate/postgres-schema.ts).
// The CLI insists on locating a native schema engine, which it would download;
// generation does not use it, so offline we point it at any existing executable.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const env = { ...process.env, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" };
env.PRISMA_SCHEMA_ENGINE_BINARY ||= process.execPath;
const cli = require.resolve("prisma/build/index.js");
const tsx = require.resolve("tsx/cli");

const pg = spawnSync(process.execPath, [tsx, "-e",
  'import("./lib/migrate/postgres-schema.ts").then((m) => process.stdout.write(m.readPostgresSchema()))'],
  { encoding: "utf8", env });
if (pg.status !== 0) {
  process.stderr.write(pg.stderr);
  process.exit(pg.status ?? 1);
}
writeFileSync(new URL("../prisma/postgres/schema.prisma", import.meta.url), pg.stdout);

for (const schema of ["prisma/schema.prisma", "prisma/postgres/schema.prisma"]) {
  const res = spawnSync(process.execPath, [cli, "generate", "--schema", schema], { stdio: "inherit", env });
  if (res.status !== 0) process.exit(res.status ?? 1);
}
