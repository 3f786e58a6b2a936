// Machine description, the Markdown results table and bench/RESULTS.md.
import { appendFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { SqlFloorResult } from "./floor";
import type { LoadResult } from "./load";

/** A measured endpoint; a floor is null where none applies (PostgreSQL rows have no HTTP floor: the floor server reads SQLite). */
export type Row = { name: string; page: LoadResult; httpFloor: LoadResult | null; sqlFloor: SqlFloorResult | null };

export function machineInfo(): string {
  let cpu = os.cpus()[0]?.model ?? "unknown CPU";
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync("/proc/cpuinfo", "utf8"));
    if (m?.[1]) cpu = m[1].trim();
  } catch {
    // not Linux: keep os.cpus()
  }
  const ram = (os.totalmem() / 2 ** 30).toFixed(1);
  return `${os.availableParallelism()} × ${cpu}, ${ram} GiB RAM, Node ${process.version}, ${os.type()} ${os.release()}`;
}

export function loadAverage(): string {
  return os.loadavg().map((x) => x.toFixed(2)).join(" / ");
}

const ms = (x: number, digits = 1): string => (Number.isFinite(x) ? x.toFixed(digits) : "–");
const ratio = (a: number, b: number): string => (b > 0 && Number.isFinite(a / b) ? `${(a / b).toFixed(1)}×` : "–");
const int = (x: number): string => Math.round(x).toLocaleString("en-US");

export function markdownTable(rows: readonly Row[]): string {
  const head = [
    "Endpoint",
    "req/s",
    "p50 ms",
    "p95 ms",
    "p99 ms",
    "KB/resp",
    "errors / non-2xx",
    "HTTP floor req/s",
    "HTTP floor p50 / p95 ms",
    "SQL floor p50 / p95 ms",
    "p95 ÷ HTTP floor p95",
    "p95 ÷ SQL floor p95",
  ];
  const lines = [`| ${head.join(" | ")} |`, `|${head.map((_, i) => (i === 0 ? "---" : "---:")).join("|")}|`];
  for (const r of rows) {
    const bad = (x: LoadResult | null): string => (x ? `${x.errors + x.timeouts} / ${x.non2xx}` : "–");
    const hf = r.httpFloor;
    const sf = r.sqlFloor;
    lines.push(
      `| ${[
        r.name,
        int(r.page.rps),
        ms(r.page.latency.p50),
        ms(r.page.latency.p95),
        ms(r.page.latency.p99),
        ms(r.page.bytesPerResponse / 1024),
        `${bad(r.page)} (floor ${bad(r.httpFloor)})`,
        hf ? int(hf.rps) : "–",
        hf ? `${ms(hf.latency.p50)} / ${ms(hf.latency.p95)}` : "–",
        sf ? `${ms(sf.latency.p50, 3)} / ${ms(sf.latency.p95, 3)}` : "–",
        hf ? ratio(r.page.latency.p95, hf.latency.p95) : "–",
        sf ? ratio(r.page.latency.p95, sf.latency.p95) : "–",
      ].join(" | ")} |`,
    );
  }
  return lines.join("\n");
}

export function appendResults(file: string, section: string): void {
  if (!existsSync(file)) {
    writeFileSync(
      file,
      `# Benchmark results\n\nAppended by \`npm run bench\`; see [README.md](${path.basename("README.md")}) for the method. Newest last.\n`,
    );
  }
  appendFileSync(file, `\n${section.trimEnd()}\n`);
}
