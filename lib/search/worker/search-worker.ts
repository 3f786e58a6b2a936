// Worker thread entry for search-pool.ts: runs prepared searches and similar-claim
// lookups on this thread's own read connection and answers each by its id — one at a
// time on SQLite (its reads are synchronous), side by side on PostgreSQL (its pool).
import { parentPort } from "node:worker_threads";
import { readDbFor } from "../../db-read";
import { findSimilar, type SimilarClaim, type SimilarQuery } from "../../match/find-similar";
import { type PreparedSearch, runSearch, SEARCH_CACHE_KIB, type SearchResult } from "../search-claims";

export type SearchRequest = { id: number; databaseUrl: string } & ({ search: PreparedSearch } | { similar: SimilarQuery });
export type SearchAnswer = { id: number; result: SearchResult | SimilarClaim[] } | { id: number; error: string };

const port = parentPort;
if (!port) throw new Error("search-worker.ts runs only as a worker thread");
port.on("message", async (request: SearchRequest) => {
  const { id, databaseUrl } = request;
  try {
    const read = readDbFor(databaseUrl, { cacheKib: SEARCH_CACHE_KIB });
    const result = "search" in request ? await runSearch(read, request.search) : await findSimilar(read, request.similar);
    port.postMessage({ id, result } satisfies SearchAnswer);
  } catch (err) {
    port.postMessage({ id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) } satisfies SearchAnswer);
  }
});
