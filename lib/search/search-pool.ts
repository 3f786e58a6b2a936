// Searches run on a small pool of worker threads, one per core (at most two here), each
// with its own read connection. A search is CPU work in SQLite's FTS5 (about 8–30 ms at a
// million claims, most of it bm25), and on the request thread concurrent searches queued
// behind one another on one core; in the pool they run side by side, and pages and other
// requests are not held up behind them. Input is checked and filters are resolved on the
// request thread first (prepareSearch), so a bad request is a 400 before any worker runs.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { databaseUrl as defaultDatabaseUrl } from "../db-url";
import { runningFromSource, workerFromSource } from "../workers/source-worker";
import type { PreparedSearch, SearchResult } from "./search-claims";
import type { SearchAnswer, SearchRequest } from "./worker/search-worker";
import type { SimilarClaim, SimilarQuery } from "../match/find-similar";

const POOL_SIZE = Math.max(1, Math.min(2, availableParallelism()));

type Waiting = { resolve: (r: SearchResult | SimilarClaim[]) => void; reject: (e: Error) => void };
type Slot = { worker: Worker; waiting: Map<number, Waiting> };

const holder = globalThis as unknown as { verbatimSearchPool?: Slot[]; verbatimSearchId?: number };

function startWorker(): Worker {
  if (runningFromSource()) return workerFromSource(new URL("./worker/search-worker.ts", import.meta.url), {});
  return new Worker(new URL("./worker/search-worker.ts", import.meta.url));
}

function startSlot(pool: Slot[]): Slot {
  const slot: Slot = { worker: startWorker(), waiting: new Map() };
  // A worker that stops fails the searches it held (a 500 each) and leaves the pool; the
  // next search starts another.
  const fail = (cause: unknown) => {
    const i = pool.indexOf(slot);
    if (i >= 0) pool.splice(i, 1);
    if (slot.waiting.size) console.error("search worker stopped:", cause);
    for (const w of slot.waiting.values()) w.reject(new Error("The search worker stopped."));
    slot.waiting.clear();
  };
  slot.worker.on("message", (answer: SearchAnswer) => {
    const w = slot.waiting.get(answer.id);
    if (!w) return;
    slot.waiting.delete(answer.id);
    if (slot.waiting.size === 0) slot.worker.unref();
    if ("result" in answer) w.resolve(answer.result);
    else {
      console.error("search failed:", answer.error);
      w.reject(new Error("The search failed."));
    }
  });
  slot.worker.on("error", fail);
  slot.worker.once("exit", (code) => fail(`exit code ${code}`));
  slot.worker.unref(); // an idle pool does not keep a process (a test, a CLI command) alive; a busy one does
  pool.push(slot);
  return slot;
}

/** The least busy worker, starting the pool's workers on first use. */
function pickSlot(): Slot {
  const pool = (holder.verbatimSearchPool ??= []);
  while (pool.length < POOL_SIZE) startSlot(pool);
  return pool.reduce((a, b) => (b.waiting.size < a.waiting.size ? b : a));
}

type Work = { search: PreparedSearch } | { similar: SimilarQuery };

function inPool(work: Work, databaseUrl: string): Promise<SearchResult | SimilarClaim[]> {
  const slot = pickSlot();
  const id = (holder.verbatimSearchId = (holder.verbatimSearchId ?? 0) + 1);
  return new Promise((resolve, reject) => {
    if (slot.waiting.size === 0) slot.worker.ref();
    slot.waiting.set(id, { resolve, reject });
    slot.worker.postMessage({ id, databaseUrl, ...work } satisfies SearchRequest);
  });
}

/** Runs a prepared search in the pool, on the database at `databaseUrl` (DATABASE_URL by default). */
export function searchInPool(search: PreparedSearch, databaseUrl = defaultDatabaseUrl()): Promise<SearchResult> {
  return inPool({ search }, databaseUrl) as Promise<SearchResult>;
}

/** Finds similar claims in the pool (input already checked: see lib/match/similar-to-claim.ts). */
export function similarInPool(similar: SimilarQuery, databaseUrl = defaultDatabaseUrl()): Promise<SimilarClaim[]> {
  return inPool({ similar }, databaseUrl) as Promise<SimilarClaim[]>;
}
