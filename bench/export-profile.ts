// Bulk export profiler: runs GET /api/export exactly as the route does (the route's own
// handler, its export worker thread and stream) in this process, without HTTP, and
// reports wall and CPU time, time to first byte, bytes, the sha256 of the output and
// peak memory — one JSON line per run on stdout.
//
//   npx tsx bench/export-profile.ts --db /tmp/exp100k.db [--format csl-json]
//       [--query "&status=supported"] [--out /tmp/export.json] [--runs N]
//       [--gzip] [--ballast 60] [--trace-memory]
//   node --import tsx --cpu-prof --cpu-prof-dir /tmp/prof bench/export-profile.ts --db …
//
// Work on a migrated COPY of a bench database (bench/data is never modified):
//   cp bench/data/bench-100000.db /tmp/exp100k.db
//   DATABASE_URL=file:/tmp/exp100k.db npx verbatim migrate
//
// rssBeforeMb is this process after loading the app and opening both connections;
// peakRssMb its high-water mark (getrusage maxRSS), so addedMb (peak − before) is what
// the export added (exact for the first run only). cpuSeconds is the process's user +
// system CPU time (GC and zlib threads included), steadier than wall time on a busy
// machine. The consumer only hashes and counts the bytes, as a client in another
// process would (nothing is kept). Peak memory is decided by when V8 runs a full GC and
// varies from run to run: compare several runs.
//   --gzip        also gzip the body, as `next start` does for a client that accepts gzip
//                 (its `compression` middleware with zlib's defaults), with backpressure
//   --ballast N   hold ~N MB of live objects first, like a Next server's heap: V8 sets its
//                 GC thresholds by the heap it has, so a bigger heap lets more garbage pile up
//   --trace-memory  heap spaces and RSS on stderr every 10 chunks
import { createHash } from "node:crypto";
import { createWriteStream, readFileSync, type WriteStream } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { getHeapSpaceStatistics } from "node:v8";
import { createGzip } from "node:zlib";

const { values: args } = parseArgs({
  options: {
    db: { type: "string" },
    format: { type: "string", default: "csl-json" },
    query: { type: "string", default: "" },
    out: { type: "string" },
    runs: { type: "string", default: "1" },
    "trace-memory": { type: "boolean", default: false },
    gzip: { type: "boolean", default: false },
    ballast: { type: "string", default: "0" },
  },
});
if (!args.db) throw new Error("usage: export-profile.ts --db <sqlite file> [--format F] [--query '&status=…'] [--out file] [--runs N] [--gzip] [--ballast N] [--trace-memory]");
process.env.DATABASE_URL = `file:${path.resolve(args.db)}`;

const mb = (bytes: number) => bytes / 1024 / 1024;
const { GET } = await import("../app/api/export/route");
const { getDb } = await import("../lib/db");
const { readDbFor } = await import("../lib/db-read");
// --ballast: ~1.2 MB of small live objects per unit, kept alive to the end (on globalThis).
const ballast: { a: string; n: number; o: object }[][] = [];
(globalThis as { exportProfileBallast?: unknown }).exportProfileBallast = ballast;
for (let unit = Number(args.ballast); unit > 0; unit--) {
  ballast.push(Array.from({ length: 10_000 }, (_, i) => ({ a: `ballast ${i}`, n: i, o: { i } })));
}
// Open both connections (and load Prisma's engine) before measuring, as a running server has.
await getDb().claim.count();
readDbFor();

for (let run = 1; run <= Number(args.runs); run++) {
  globalThis.gc?.();
  const rssBefore = process.memoryUsage().rss;
  if (args["trace-memory"]) {
    const m = process.memoryUsage();
    process.stderr.write(`before: rss ${mb(m.rss).toFixed(0)} heapUsed ${mb(m.heapUsed).toFixed(0)} heapTotal ${mb(m.heapTotal).toFixed(0)} external ${mb(m.external).toFixed(0)} arrayBuffers ${mb(m.arrayBuffers).toFixed(0)} MB\n`);
  }
  const url = `http://127.0.0.1/api/export?format=${encodeURIComponent(args.format!)}${args.query}`;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const res = await GET(new Request(url), undefined);
  if (!res.ok || !res.body) throw new Error(`export: HTTP ${res.status}: ${await res.text()}`);
  const hash = createHash("sha256");
  const file: WriteStream | null = args.out && run === 1 ? createWriteStream(args.out) : null;
  let bytes = 0;
  let chunks = 0;
  let firstByte = 0;
  // --gzip: what `next start` adds when the client accepts gzip (its `compression`
  // middleware, zlib defaults): the body goes through createGzip, with its backpressure.
  const gzip = args.gzip ? createGzip() : null;
  let gzipBytes = 0;
  const gzipped = gzip ? new Promise<void>((resolve) => gzip.on("data", (b: Buffer) => (gzipBytes += b.length)).on("end", resolve)) : null;
  const reader = res.body.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    if (gzip && !gzip.write(r.value)) await new Promise<void>((resolve) => gzip.once("drain", () => resolve()));
    if (chunks === 0) firstByte = performance.now() - t0;
    chunks++;
    if (args["trace-memory"] && (chunks % 10 === 0 || chunks <= 5)) {
      const m = process.memoryUsage();
      const st = readFileSync("/proc/self/status", "utf8");
      const field = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(st)?.[1] ?? 0) / 1024;
      const spaces = getHeapSpaceStatistics()
        .filter((x) => x.space_used_size > 1 << 20)
        .map((x) => `${x.space_name.replace(/_space$/, "")} ${mb(x.space_used_size).toFixed(0)}/${mb(x.space_size).toFixed(0)}`)
        .join(", ");
      process.stderr.write(`[${spaces}] chunk ${chunks}: anon ${field("RssAnon").toFixed(0)} file ${field("RssFile").toFixed(0)} rss ${mb(m.rss).toFixed(0)} heapUsed ${mb(m.heapUsed).toFixed(0)} heapTotal ${mb(m.heapTotal).toFixed(0)} external ${mb(m.external).toFixed(0)} arrayBuffers ${mb(m.arrayBuffers).toFixed(0)} MB\n`);
    }
    bytes += r.value.byteLength;
    hash.update(r.value);
    if (file && !file.write(r.value)) await new Promise<void>((resolve) => file.once("drain", () => resolve()));
  }
  if (gzip) {
    gzip.end();
    await gzipped;
  }
  const seconds = (performance.now() - t0) / 1000;
  if (file) await new Promise<void>((resolve) => file.end(() => resolve()));
  const cpu = process.cpuUsage(cpu0);
  const peak = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(
    `${JSON.stringify({
      run,
      format: args.format,
      query: args.query,
      seconds: Number(seconds.toFixed(3)),
      cpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(3)),
      firstByteMs: Number(firstByte.toFixed(1)),
      bytes,
      ...(gzip && { gzipBytes }),
      chunks,
      sha256: hash.digest("hex"),
      rssBeforeMb: Number(mb(rssBefore).toFixed(1)),
      peakRssMb: Number(mb(peak).toFixed(1)),
      addedMb: Number(mb(peak - rssBefore).toFixed(1)),
    })}\n`,
  );
}
await getDb().$disconnect();
