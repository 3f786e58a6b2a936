// The bytes of a bulk export as a ReadableStream, written by a worker thread
// (worker/export-worker.ts). Off the main thread for two reasons, both measured at 100,000
// claims (bench/RESULTS.md): the server's gzip (zlib, on libuv's thread pool) needs the
// main thread after every 16 KB it writes, so an export written on the main thread kept
// gzip waiting and the two ran one after the other (6.1 s) instead of side by side on
// the two cores; and the main thread stays free for every other request meanwhile.
import { Worker } from "node:worker_threads";
import { runningFromSource, workerFromSource } from "../workers/source-worker";
import type { BulkExportPlan } from "./bulk-export";
import type { BulkFormatId } from "./schemas";
import type { ExportWorkerData, ExportWorkerMessage } from "./worker/serve-export";

/** Chunks (~256 K characters each) written ahead of the client: in the worker, in transit and queued here. */
const READ_AHEAD = 4;

/**
 * The worker's V8 heap. Its live data is one batch of claims; the rest is garbage, which
 * V8 lets grow up to its limits before collecting, and the server's memory is the sum of
 * both threads' (100,000 claims, `next start`: 16/256 peaked at 291 MB; 8/48 at 276–281 MB in 4.4 s;
 * 4/64 at 275 MB but took 4.5–5.3 s, the worker collecting its young garbage too often).
 */
const WORKER_HEAP = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 48 };

/** citation-js renders these; its worker is apart so the others start without loading it. */
const CITATION_JS_FORMATS: ReadonlySet<BulkFormatId> = new Set(["bibtex", "biblatex", "ris"]);

/** The worker for a plan (see lib/workers/source-worker.ts for the two ways to start one). */
function startWorker(workerData: ExportWorkerData): Worker {
  const options = { workerData, resourceLimits: WORKER_HEAP };
  const citationJs = CITATION_JS_FORMATS.has(workerData.plan.format);
  if (runningFromSource()) {
    return workerFromSource(new URL(citationJs ? "./worker/citation-export-worker.ts" : "./worker/export-worker.ts", import.meta.url), options);
  }
  return citationJs
    ? new Worker(new URL("./worker/citation-export-worker.ts", import.meta.url), options)
    : new Worker(new URL("./worker/export-worker.ts", import.meta.url), options);
}

export type StreamOptions = {
  /** Called when the worker has stopped, whether it finished, failed or was stopped. */
  onWorkerExit?: (exitCode: number) => void;
};

export function streamBulkExport(plan: BulkExportPlan, databaseUrl: string, opts: StreamOptions = {}): ReadableStream<Uint8Array> {
  let worker: Worker | undefined;
  let requested = 0; // granted to the worker and not yet received
  let finished = false;
  let topUp = () => {};
  const encoder = new TextEncoder();
  const stop = () => {
    finished = true;
    void worker?.terminate();
  };
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        const w = startWorker({ databaseUrl, plan });
        worker = w;
        if (opts.onWorkerExit) w.once("exit", opts.onWorkerExit);
        // Keep the queue plus the chunks on their way at READ_AHEAD.
        topUp = () => {
          const want = (controller.desiredSize ?? 0) - requested;
          if (want > 0 && !finished) {
            requested += want;
            w.postMessage(want);
          }
        };
        w.on("message", (m: ExportWorkerMessage) => {
          if (finished) return;
          if ("text" in m) {
            requested--;
            controller.enqueue(encoder.encode(m.text));
            topUp();
          } else if ("done" in m) {
            stop();
            controller.close();
          } else {
            fail(m.error);
          }
        });
        // The client sees a generic error (the response has begun, so the status stays
        // 200 and the body ends short); the server log has the cause.
        const fail = (cause: unknown) => {
          if (finished) return;
          console.error("bulk export failed:", cause);
          stop();
          controller.error(new Error("The export failed on the server."));
        };
        w.on("error", fail); // e.g. out of memory
        w.once("exit", (code) => fail(`the export worker stopped (exit code ${code})`));
        topUp();
      },
      pull() {
        topUp();
      },
      cancel() {
        stop();
      },
    },
    { highWaterMark: READ_AHEAD },
  );
}
