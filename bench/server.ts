// Child processes of the benchmark (the Next.js server and the HTTP floor server): started
// in their own process group, tracked, and always stopped — on success, error or signal.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

export const projectRoot = path.resolve(import.meta.dirname, "..");
const nextBin = path.join(projectRoot, "node_modules", "next", "dist", "bin", "next");

export type Managed = { name: string; child: ChildProcess; origin: string; stop: () => Promise<void> };
const running = new Set<Managed>();

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal); // the child's own process group (spawned detached)
  } catch {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

/** Synchronous best-effort kill of everything still running (for process exit). */
export function killAllNow(): void {
  for (const m of running) killGroup(m.child, "SIGKILL");
  running.clear();
}

async function stopChild(m: Managed): Promise<void> {
  running.delete(m);
  const { child } = m;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  killGroup(child, "SIGTERM");
  const timer = setTimeout(() => killGroup(child, "SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = addr && typeof addr === "object" ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Builds the app unless .next/BUILD_ID exists (or `force`). */
export function ensureBuild(opts: { skip: boolean; force: boolean; log: (s: string) => void }): void {
  const buildId = path.join(projectRoot, ".next", "BUILD_ID");
  if (opts.skip && !opts.force) {
    if (!existsSync(buildId)) throw new Error("--skip-build given but .next/BUILD_ID is missing: run `npx next build` first");
    return;
  }
  if (existsSync(buildId) && !opts.force) return;
  opts.log("Building the app (next build)…");
  const r = spawnSync(process.execPath, [nextBin, "build"], {
    cwd: projectRoot,
    stdio: "inherit",
    timeout: 20 * 60_000,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (r.status !== 0) throw new Error(`next build failed (status ${r.status ?? r.signal})`);
}

async function waitHttp(m: Managed, probePath: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = "";
  while (Date.now() < deadline) {
    if (m.child.exitCode !== null || m.child.signalCode !== null) throw new Error(`${m.name} exited before it was ready`);
    try {
      const res = await fetch(m.origin + probePath, { signal: AbortSignal.timeout(5_000) });
      await res.arrayBuffer();
      if (res.ok) return;
      lastError = `HTTP ${res.status}`;
    } catch (err) {
      lastError = String(err);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${m.name} not ready after ${timeoutMs / 1000} s (${lastError})`);
}

function manage(name: string, child: ChildProcess, origin: string): Managed {
  const m: Managed = { name, child, origin, stop: () => stopChild(m) };
  running.add(m);
  return m;
}

/**
 * The app's server as `npm start` runs it (scripts/server.mjs: the reader page cache in
 * front of Next's handler) against the bench database (a SQLite file or a database URL), which run.ts has migrated; resolves
 * when it answers. Output goes to `logFile`.
 */
/** A database URL as given, or a SQLite file path as its file: URL. */
export const databaseUrl = (dbFileOrUrl: string): string =>
  /^(file|postgres|postgresql):/.test(dbFileOrUrl) ? dbFileOrUrl : `file:${path.resolve(dbFileOrUrl)}`;

export async function startNext(dbFile: string, logFile: string, opts: { env?: Record<string, string>; probePath?: string } = {}): Promise<Managed> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(projectRoot, "scripts", "server.mjs"), "-p", String(port), "-H", "127.0.0.1"], {
    cwd: projectRoot,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, DATABASE_URL: databaseUrl(dbFile), NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", VERBATIM_DEMO_EDITOR: "0", ...opts.env },
  });
  const log = createWriteStream(logFile);
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const m = manage("npm start", child, `http://127.0.0.1:${port}`);
  try {
    await waitHttp(m, opts.probePath ?? "/api/claims?limit=1", 120_000);
  } catch (err) {
    await m.stop();
    throw err;
  }
  return m;
}

/** The HTTP floor server (floor-server.ts) in a child process. */
export async function startFloorServer(dbFile: string): Promise<Managed> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(projectRoot, "bench", "floor-server.ts"), path.resolve(dbFile)], {
    cwd: projectRoot,
    detached: true,
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, NODE_ENV: "production" },
  });
  const port = await new Promise<number>((resolve, reject) => {
    let buf = "";
    const timer = setTimeout(() => reject(new Error("floor server did not start within 30 s")), 30_000);
    child.once("exit", () => reject(new Error("floor server exited at start")));
    child.stdout?.on("data", (d: Buffer) => {
      buf += d.toString();
      const m = /FLOOR_READY (\d+)/.exec(buf);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
  }).catch((err: unknown) => {
    killGroup(child, "SIGKILL");
    throw err;
  });
  const m = manage("floor server", child, `http://127.0.0.1:${port}`);
  await waitHttp(m, "/api/claims?limit=1", 30_000);
  return m;
}
