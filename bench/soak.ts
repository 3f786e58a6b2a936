// Memory and cold start of the app server with its reader page cache (issue 17):
//  1. Cold start: the server is started on the bench corpus; once it answers a static
//     file, the first claim page (never rendered by this process) is timed, then the
//     first source page and the first search.
//  2. Soak: 32 connections for --seconds (default 300) over claim pages, most of them a
//     hot set the cache holds and one in ten a page read for the first time (rendered and
//     kept; the cache's bound is VERBATIM_PAGE_CACHE_MB, --cache-mb here), and searches
//     (one read in twenty: the search workers' page caches fill too), while the
//     server's resident memory is sampled every 10 s from /proc.
// Usage: npm run bench:soak -- [--claims 1000000] [--seconds 300] [--connections 32] [--cache-mb 64]
// The corpus must exist (npm run bench -- --claims N --keep makes it). Appends to bench/RESULTS.md.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { load } from "./load";
import { searchPaths } from "./search-bench";
import { appendResults, loadAverage, machineInfo } from "./report";
import { killAllNow, projectRoot, startNext, type Managed } from "./server";

const { values } = parseArgs({
  options: { claims: { type: "string" }, seconds: { type: "string" }, connections: { type: "string" }, "cache-mb": { type: "string" } },
});
const claims = Number(values.claims ?? 1_000_000);
const seconds = Number(values.seconds ?? 300);
const connections = Number(values.connections ?? 32);
const cacheMb = Number(values["cache-mb"] ?? 64);
const file = path.join(projectRoot, "bench", "data", `bench-${claims}.db`);
const log = (s: string) => process.stderr.write(`${s}\n`);

/** Resident memory of the server process (its own, not its children's), MB. */
function rssMb(m: Managed): number {
  const status = readFileSync(`/proc/${m.child.pid}/status`, "utf8");
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) / 1024;
}

async function timed(origin: string, p: string): Promise<{ ms: number; status: number }> {
  const t = performance.now();
  const res = await fetch(origin + p);
  await res.arrayBuffer();
  return { ms: performance.now() - t, status: res.status };
}

function sampleIds(n: number): { claims: string[]; source: string } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const max = (db.prepare(`SELECT max(rowid) AS m FROM "Claim"`).get() as { m: number }).m;
    const pick = db.prepare(`SELECT "id" FROM "Claim" WHERE rowid >= ? LIMIT 1`).pluck();
    const ids = Array.from({ length: n }, (_, i) => pick.get(1 + Math.floor(((i * 7919) % n) * (max / n))) as string);
    const source = db.prepare(`SELECT "sourceId" FROM "Claim" WHERE "id" = ?`).pluck().get(ids[0]) as string;
    return { claims: ids, source };
  } finally {
    db.close();
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const { claims: ids, source } = sampleIds(20_000);
  const hot = ids.slice(0, 200).map((id) => `/claims/${id}`);
  const cold = ids.slice(200).map((id) => `/claims/${id}`);
  const spawnedAt = performance.now();
  const app = await startNext(file, path.join(projectRoot, "bench", "data", "soak-server.log"), {
    env: { VERBATIM_PAGE_CACHE_MB: String(cacheMb) },
    probePath: "/icon.svg",
  });
  try {
    const readyMs = performance.now() - spawnedAt;
    const firstClaim = await timed(app.origin, cold.pop()!);
    const firstSource = await timed(app.origin, `/sources/${source}`);
    const firstSearch = await timed(app.origin, "/search?q=pipeline");
    log(`ready ${readyMs.toFixed(0)} ms; first claim page ${firstClaim.ms.toFixed(0)} ms (${firstClaim.status}), source ${firstSource.ms.toFixed(0)} ms, search ${firstSearch.ms.toFixed(0)} ms`);

    // One path list: nine hot reads for each first read of a cold page, and a search
    // after every nineteen pages.
    const searches = searchPaths("/search");
    const paths: string[] = [];
    for (let i = 0; paths.length < 200_000; i++) {
      paths.push(hot[i % hot.length]!);
      if (i % 9 === 8) paths.push(cold[(i / 9) % cold.length | 0]!);
      if (paths.length % 20 === 19) paths.push(searches[(paths.length / 20) % searches.length | 0]!);
    }
    const samples: { t: number; rss: number }[] = [{ t: 0, rss: rssMb(app) }];
    const t0 = performance.now();
    const timer = setInterval(() => samples.push({ t: (performance.now() - t0) / 1000, rss: rssMb(app) }), 10_000);
    const r = await load(app.origin, paths, { connections, durationSeconds: seconds });
    clearInterval(timer);
    samples.push({ t: (performance.now() - t0) / 1000, rss: rssMb(app) });
    const firstMinute = samples.filter((s) => s.t >= 60);
    const settled = firstMinute.length ? firstMinute : samples;
    const lo = Math.min(...settled.map((s) => s.rss));
    const hi = Math.max(...settled.map((s) => s.rss));
    const section = [
      `## ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC — reader cache: cold start and memory, ${claims.toLocaleString("en-US")} claims`,
      "",
      `- Command: \`npm run bench:soak -- ${process.argv.slice(2).join(" ")}\``,
      `- Machine: ${machineInfo()}; load average ${loadAverage()} at end`,
      `- Cold start (scripts/server.mjs, as \`npm start\` runs it): answering ${readyMs.toFixed(0)} ms after spawn; then the first claim page **${firstClaim.ms.toFixed(0)} ms**, the first source page ${firstSource.ms.toFixed(0)} ms, the first search page ${firstSearch.ms.toFixed(0)} ms`,
      `- Soak: ${connections} connections for ${seconds} s over claim pages, 9 in 10 reads from a hot set of 200 and 1 in 10 a page read for the first time (rendered, kept, evicting the least recently used beyond VERBATIM_PAGE_CACHE_MB=${cacheMb}), and 1 read in 20 a search page (${searches.length} queries): ${Math.round(r.rps).toLocaleString("en-US")} req/s, p50 ${r.latency.p50.toFixed(1)} ms, p95 ${r.latency.p95.toFixed(1)} ms, p99 ${r.latency.p99.toFixed(1)} ms, ${r.errors + r.timeouts} errors, ${r.non2xx} non-2xx`,
      `- Server resident memory (MB), every 10 s: ${samples.map((s) => s.rss.toFixed(0)).join(", ")}`,
      `- After the first minute: between ${lo.toFixed(0)} and ${hi.toFixed(0)} MB (spread ${(hi - lo).toFixed(0)} MB); total bench time ${((Date.now() - started) / 1000).toFixed(0)} s`,
      "",
    ].join("\n");
    process.stdout.write(`\n${section}\n`);
    appendResults(path.join(projectRoot, "bench", "RESULTS.md"), section);
  } finally {
    await app.stop();
  }
}

process.on("exit", killAllNow);
main().catch((err: unknown) => {
  log(err instanceof Error ? (err.stack ?? err.message) : String(err));
  killAllNow();
  process.exit(1);
});
