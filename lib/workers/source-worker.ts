// Worker threads from TypeScript source. In the Next server, a worker entry is written as
// `new Worker(new URL("./entry.ts", import.meta.url))` and Turbopack bundles it (the call
// must be written out like that, at each call site). Run from source instead (tests and
// bench tools under vitest or tsx), Node cannot load a .ts entry by itself: it is loaded
// through tsx's require hook. (import.meta.url cannot tell the two apart: Turbopack keeps
// it as the source file's URL.)
import { fileURLToPath } from "node:url";
import { Worker, type WorkerOptions } from "node:worker_threads";

/** Whether this code runs from TypeScript source, outside the Next server (which sets NEXT_RUNTIME). */
export const runningFromSource = (): boolean => !process.env.NEXT_RUNTIME;

/** A worker running the TypeScript entry `entry` through tsx. */
export function workerFromSource(entry: URL, options: WorkerOptions): Worker {
  return new Worker(`require("tsx/cjs"); require(${JSON.stringify(fileURLToPath(entry))});`, { ...options, eval: true });
}
