// Generates the Prisma client (lib/generated/prisma) at install time. The CLI insists on
// locating a native schema engine, which it would download; generation does not use it,
// so offline we point it at any existing executable. Online this changes nothing.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const env = { ...process.env, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" };
env.PRISMA_SCHEMA_ENGINE_BINARY ||= process.execPath;
const cli = require.resolve("prisma/build/index.js");
const res = spawnSync(process.execPath, [cli, "generate"], { stdio: "inherit", env });
process.exit(res.status ?? 1);
