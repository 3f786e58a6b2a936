// `npm test`: every test — unit, integration on real SQLite files, and browser tests in
// real Chromium against a production build — from a fresh clone.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

function run(cmd, args, env = {}) {
  const res = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } });
  if (res.status !== 0) process.exit(res.status ?? 1);
}

// Browser tests need Debian's Chromium (never a downloaded browser build).
if (!existsSync(CHROMIUM)) {
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;
  if (isRoot && hasApt) {
    console.log("Installing Debian's chromium for the browser tests…");
    execFileSync("sh", ["-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium"], { stdio: "inherit" });
  } else {
    console.error(`Chromium not found at ${CHROMIUM}. Install it (Debian: sudo apt-get install -y chromium) or set CHROMIUM_PATH.`);
    process.exit(1);
  }
}

// A real BibTeX toolchain for the export tests (lib/export/bibtool.test.ts): Debian's
// bibtool, installed the same way when possible; without it those two tests say why they skip.
if (spawnSync("sh", ["-c", "command -v bibtool"]).status !== 0 && process.getuid?.() === 0 && spawnSync("sh", ["-c", "command -v apt-get"]).status === 0) {
  console.log("Installing Debian's bibtool for the BibTeX tests…");
  const install = "DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends bibtool";
  if (spawnSync("sh", ["-c", install], { stdio: "inherit" }).status !== 0) {
    spawnSync("sh", ["-c", `apt-get update -qq && ${install}`], { stdio: "inherit" });
  }
}

run(process.execPath, [require.resolve("typescript/bin/tsc"), "--noEmit", "-p", "."]);
run(process.execPath, [require.resolve("next/dist/bin/next"), "build"]);
run(process.execPath, [new URL("../node_modules/vitest/vitest.mjs", import.meta.url).pathname, "run", ...process.argv.slice(2)]);
