// Search in the benchmark: the queries the load rotates over, and the floor — the
// app's own search function (lib/search) called in-process on a read connection, with
// no HTTP and no Next. Its time is the FTS5 SQL plus the little JS that assembles the
// result; the HTTP floor server answers /api/search with the same call.
import { createDb, type Db } from "../lib/db";
import { type ReadDb, readDbFor } from "../lib/db-read";
import { SEARCH_CACHE_KIB, searchClaims } from "../lib/search/search-claims";
import { databaseUrl } from "./server";

/**
 * Words and phrases of the synthetic corpus's vocabulary (bench/corpus.ts): common and
 * rare words, two- and three-word queries, a diacritic folded ("cafe" finds "café"),
 * a prefix, and a person's surname (people and aliases are indexed too).
 */
export const SEARCH_QUERIES = [
  "pipeline",
  "oil exports",
  "minister",
  "energy partnership cooperation",
  "cafe",
  "Zurich",
  "transit route",
  "summit visit",
  "budget inflation",
  "terminal",
  "spokesman statement",
  "Kraków",
  "railway infrastructure",
  "shortage",
  "annual increase",
  "corri",
];

export const searchPaths = (base: string) => SEARCH_QUERIES.map((q) => `${base}?q=${encodeURIComponent(q)}`);

export class SearchFloor {
  private readonly db: Db;
  private readonly read: ReadDb;

  /** `file`: the bench database, a SQLite file or a database URL. */
  constructor(file: string) {
    this.db = createDb(databaseUrl(file));
    this.read = readDbFor(databaseUrl(file), { cacheKib: SEARCH_CACHE_KIB }); // as the search workers' connections
  }

  search(q: string): Promise<unknown> {
    return searchClaims(this.db, this.read, { q });
  }

  async close(): Promise<void> {
    await this.db.$disconnect();
  }
}
