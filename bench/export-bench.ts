// Bulk export benchmark: GET /api/export?format=csl-json of every claim against a fresh
// `next start`, timed to the last byte, with the server's peak resident memory; beside
// it the peer (export-peer.ts: citation-js formatting the same items in memory).
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
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

export async function measureExport(dbFile: string, logFile: string, log: (s: string) => void): Promise<ExportMeasure> {
  const next = await startNext(dbFile, logFile);
  let items = 0;
  let bytes = 0;
  let seconds = 0;
  let before = { rss: 0, hwm: 0 };
  let after = { rss: 0, hwm: 0 };
  try {
    before = memoryMb(next.child.pid!);
    log(`  server RSS before the export: ${before.rss.toFixed(0)} MB (peak so far ${before.hwm.toFixed(0)} MB)`);
    const t0 = performance.now();
    const res = await fetch(`${next.origin}/api/export?format=csl-json`);
    if (!res.ok || !res.body) throw new Error(`export: HTTP ${res.status}`);
    const chunks: Buffer[] = [];
    const reader = res.body.getReader();
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      bytes += r.value.byteLength;
      chunks.push(Buffer.from(r.value));
    }
    seconds = (performance.now() - t0) / 1000;
    after = memoryMb(next.child.pid!);
    items = (JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown[]).length;
  } finally {
    await next.stop();
  }
  log(`  ${items} items, ${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(2)} s; server peak RSS ${after.hwm.toFixed(0)} MB`);
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
