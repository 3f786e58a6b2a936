// The server's background encoder: one worker thread that gives every claim without a
// sentence vector its vector, so that a claim written by any path (form, API, ingest,
// CLI) is compared by meaning too within seconds. Started once per server process from
// instrumentation.ts; VERBATIM_EMBED=0 turns it off (then `verbatim embed` does the work).
import { Worker } from "node:worker_threads";
import { databaseUrl } from "../../db-url";

const holder = globalThis as unknown as { verbatimEmbedWorker?: Worker };

export function startBackgroundEmbedding(): void {
  if (holder.verbatimEmbedWorker || process.env.VERBATIM_EMBED === "0") return;
  const worker = new Worker(new URL("./worker/embed-worker.ts", import.meta.url), { workerData: { databaseUrl: databaseUrl() } });
  worker.on("error", (err) => console.error("background encoder stopped:", err));
  worker.once("exit", () => {
    if (holder.verbatimEmbedWorker === worker) holder.verbatimEmbedWorker = undefined;
  });
  worker.unref(); // never keeps the server from exiting
  holder.verbatimEmbedWorker = worker;
}
