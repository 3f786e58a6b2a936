// Worker thread entry for search-pool.ts: runs prepared searches on this thread's own
// read connection, one at a time, and answers each by its id.
import { parentPort } from "node:worker_threads";
import { readDbFor } from "../../db-read";
import { type PreparedSearch, runSearch, type SearchResult } from "../search-claims";

export type SearchRequest = { id: number; databaseUrl: string; search: PreparedSearch };
export type SearchAnswer = { id: number; result: SearchResult } | { id: number; error: string };

const port = parentPort;
if (!port) throw new Error("search-worker.ts runs only as a worker thread");
port.on("message", ({ id, databaseUrl, search }: SearchRequest) => {
  try {
    port.postMessage({ id, result: runSearch(readDbFor(databaseUrl), search) } satisfies SearchAnswer);
  } catch (err) {
    port.postMessage({ id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) } satisfies SearchAnswer);
  }
});
