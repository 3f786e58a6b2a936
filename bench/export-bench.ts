// Bulk export benchmark: GET /api/export?format=csl-json of every claim against a fresh
// `next start` (after one small export as a warm-up, as the load tests warm up each
// endpoint), timed to the last byte, with the server's peak resident memory; beside it
// the peer (export-peer.ts: citation-js formatting the same items in memory).
//
// The client asks for gzip, as a browser does, and only collects the compressed bytes
// while timing: they are decompressed and counted afterwards. (Until the third session the
// client was fetch(), which inflated and copied all 146 MB while timing, on the same two
// cores as the server; RESULTS.md has runs with both clients.)
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import Database from "better-sqlite3";
import { projectRoot, startNext } from "./server";

export type ExportMeasure = {
  items: number;
  bytes: number;
  seconds: number;
  serverRssBeforeMb: number;
  serverPeakRssMb: number;
  peer: { items: number; bytes: number; loadSeconds: number; formatSeconds: number; totalSeconds: number; maxRssMb: number };
};

/** Resident and peak resident memory (MB) of a process and all its descendants (the largest of them). */
function memoryMb(pid: number): { rss: number; hwm: number } {
  const pids = [pid];
  for (let i = 0; i < pids.length; i++) {
    const children = spawnSync("ps", ["-o", "pid=", "--ppid", String(pids[i])], { encoding: "utf8" }).stdout;
    pids.push(...children.split(/\s+/).filter(Boolean).map(Number));
  }
  let rss = 0;
  let hwm = 0;
  for (const p of pids) {
    try {
      const status = readFileSync(`/proc/${p}/status`, "utf8");
      rss = Math.max(rss, Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
      hwm = Math.max(hwm, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
    } catch {
      // the process ended
    }
  }
  return { rss, hwm };
}

/** One source's id, for the warm-up export. */
function someSourceId(dbFile: string): string {
  const db = new Database(dbFile, { readonly: true });
  try {
    return (db.prepare(`SELECT "id" FROM "Source" LIMIT 1`).get() as { id: string }).id;
  } finally {
    db.close();
  }
}

/** GET `url` asking for gzip; the body as it came (compressed), gathered in one buffer. */
function download(url: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { "Accept-Encoding": "gzip" } }, (res) => {
        if (res.statusCode !== 200) return reject(new Error(`export: HTTP ${res.statusCode}`));
        if (res.headers["content-encoding"] !== "gzip") return reject(new Error("export: the server did not gzip the body"));
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve(Buffer.concat(chunks)));
        res.on("error", reject);
      })
      .on("error", reject);
  });
}

export async function measureExport(dbFile: string, logFile: string, log: (s: string) => void): Promise<ExportMeasure> {
  const next = await startNext(dbFile, logFile);
  let items = 0;
  let sources = 0;
  let bytes = 0;
  let seconds = 0;
  let before = { rss: 0, hwm: 0 };
  let after = { rss: 0, hwm: 0 };
  try {
    const warmUp = await download(`${next.origin}/api/export?format=csl-json&source=${encodeURIComponent(someSourceId(dbFile))}`);
    before = memoryMb(next.child.pid!);
    log(`  warm-up: one source's claims (${(gunzipSync(warmUp).byteLength / 1e3).toFixed(0)} KB)`);
    log(`  server RSS before the export: ${before.rss.toFixed(0)} MB (peak so far ${before.hwm.toFixed(0)} MB)`);
    const t0 = performance.now();
    const gzipped = await download(`${next.origin}/api/export?format=csl-json`);
    seconds = (performance.now() - t0) / 1000;
    after = memoryMb(next.child.pid!);
    const body = gunzipSync(gzipped);
    bytes = body.byteLength;
    log(`  ${(gzipped.byteLength / 1e6).toFixed(1)} MB gzipped on the wire`);
    // One item per source since the bulk export groups claims by source: count the claims inside.
    const parsed = JSON.parse(body.toString("utf8")) as { custom?: { verbatim?: { claims?: unknown[] } } }[];
    sources = parsed.length;
    items = parsed.reduce((n, i) => n + (i.custom?.verbatim?.claims?.length ?? 1), 0);
  } finally {
    await next.stop();
  }
  log(`  ${items} claims in ${sources} source items, ${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(2)} s; server peak RSS ${after.hwm.toFixed(0)} MB`);
  log("  peer: citation-js formatting the same items…");
  const peerRun = spawnSync(process.execPath, ["--import", "tsx", path.join(projectRoot, "bench", "export-peer.ts"), dbFile], {
    cwd: projectRoot,
    encoding: "utf8",
    maxBuffer: 1 << 20,
    timeout: 30 * 60_000,
  });
  if (peerRun.status !== 0) throw new Error(`export peer failed: ${peerRun.stderr}`);
  const peer = JSON.parse(peerRun.stdout.trim().split("\n").pop()!) as ExportMeasure["peer"];
  return { items, bytes, seconds, serverRssBeforeMb: before.rss, serverPeakRssMb: after.hwm, peer };
}

export function exportTable(m: ExportMeasure): string {
  const mb = (n: number) => `${n.toFixed(0)} MB`;
  return [
    "| Bulk CSL-JSON export | items | output | time | peak memory |",
    "|---|---:|---:|---:|---:|",
    `| Verbatim \`GET /api/export?format=csl-json\` (streamed, to last byte) | ${m.items.toLocaleString("en-US")} | ${(m.bytes / 1e6).toFixed(1)} MB | ${m.seconds.toFixed(2)} s | ${mb(m.serverPeakRssMb)} server peak RSS (${mb(m.serverRssBeforeMb)} before the request) |`,
    `| Peer: citation-js \`new Cite(items).format("data")\` on the same items | ${m.peer.items.toLocaleString("en-US")} | ${(m.peer.bytes / 1e6).toFixed(1)} MB | ${m.peer.formatSeconds.toFixed(2)} s formatting (+ ${m.peer.loadSeconds.toFixed(2)} s loading the items) | ${mb(m.peer.maxRssMb)} process peak RSS |`,
  ].join("\n");
}
