// Starts the built app the way a user does (`npm start` → scripts/start.mjs, which
// migrates and seeds a fresh database) on a free port, for the browser tests. The
// server's output goes to a file too: a failing test prints what the server wrote while
// it ran (server-log.ts).
import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, existsSync, mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { pgServer, recreateDatabase } from "@/lib/migrate/pg-databases";

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
    databaseUrl: string;
    serverLog: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

async function waitFor(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${log()}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not answer ${url} within 90 s:\n${log()}`);
}

export default async function setup(project: TestProject) {
  const root = path.resolve(import.meta.dirname, "..", "..");
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
    throw new Error("No production build: run `npm run build` first (npm test does this for you).");
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "verbatim-browser-"));
  // The browser suite's PostgreSQL run (project browser-postgres): a throwaway server and
  // an empty database, which `npm start` migrates and seeds as it does a new SQLite file.
  const server = process.env.VERBATIM_TEST_ENGINE === "postgres" ? await pgServer() : null;
  const databaseUrl = server ? await recreateDatabase(server.url, "verbatim_browser") : `file:${path.join(dir, "browser.db")}`;
  const port = await freePort();
  let output = "";
  const serverLog = path.join(dir, "server.log");
  const logFile = createWriteStream(serverLog);
  const child = spawn(process.execPath, ["scripts/start.mjs", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const keep = (d: Buffer) => {
    output += d;
    logFile.write(d);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const baseURL = `http://127.0.0.1:${port}`;
  await waitFor(`${baseURL}/api/claims?limit=1`, child, () => output);
  project.provide("baseURL", baseURL);
  project.provide("databaseUrl", databaseUrl);
  project.provide("serverLog", serverLog);
  return async () => {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
    await new Promise((r) => logFile.end(r));
    rmSync(dir, { recursive: true, force: true });
    server?.stop();
  };
}
