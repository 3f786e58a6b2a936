// The SQL floor: the bare queries of queries.ts run in-process with better-sqlite3,
// one call at a time, timed per call with the same rotation over sampled ids as the HTTP load.
import { summarize, type Summary } from "./stats";

export type SqlFloorResult = { latency: Summary; opsPerSec: number };

export function timeSql(
  call: (i: number) => unknown,
  opts: { maxSeconds: number; maxIterations: number; warmupIterations: number },
): SqlFloorResult {
  for (let i = 0; i < opts.warmupIterations; i++) if (call(i) === null) throw new Error(`SQL floor: sample ${i} not found`);
  const samples: number[] = [];
  const deadline = performance.now() + opts.maxSeconds * 1000;
  let busy = 0;
  for (let i = 0; i < opts.maxIterations && (i < 100 || performance.now() < deadline); i++) {
    const t0 = performance.now();
    const out = call(i);
    const dt = performance.now() - t0;
    if (out === null) throw new Error(`SQL floor: sample ${i} not found`);
    samples.push(dt);
    busy += dt;
  }
  return { latency: summarize(samples), opsPerSec: samples.length / (busy / 1000) };
}

/** The same for an async call (the search floor goes through lib/search's async function). */
export async function timeAsync(
  call: (i: number) => Promise<unknown>,
  opts: { maxSeconds: number; maxIterations: number; warmupIterations: number },
): Promise<SqlFloorResult> {
  for (let i = 0; i < opts.warmupIterations; i++) if ((await call(i)) === null) throw new Error(`floor: sample ${i} not found`);
  const samples: number[] = [];
  const deadline = performance.now() + opts.maxSeconds * 1000;
  let busy = 0;
  for (let i = 0; i < opts.maxIterations && (i < 100 || performance.now() < deadline); i++) {
    const t0 = performance.now();
    const out = await call(i);
    const dt = performance.now() - t0;
    if (out === null) throw new Error(`floor: sample ${i} not found`);
    samples.push(dt);
    busy += dt;
  }
  return { latency: summarize(samples), opsPerSec: samples.length / (busy / 1000) };
}
