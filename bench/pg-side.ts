// `npm run bench -- --engine postgres`: the same corpus on PostgreSQL beside SQLite in one
// run. The SQLite bench database is copied into a PostgreSQL database (pg-corpus.ts; a
// throwaway server, or VERBATIM_TEST_PG_URL's, where the copy is kept for the next run), a
// second app server (`npm start`) runs on it, and each endpoint is loaded on both. The
// floors on PostgreSQL are the app's own repository functions called in process on a
// PostgreSQL connection (there is no hand-written SQL floor or HTTP floor server for it).
import { getClaimWithSourceText } from "../lib/claims/get-claim-with-source-text";
import { listClaims } from "../lib/claims/list-claims";
import { createDb, type Db } from "../lib/db";
import { type ReadDb, readDbFor } from "../lib/db-read";
import { pgServer } from "../lib/migrate/pg-databases";
import { getSourceForPage } from "../lib/sources/get-source-for-page";
import { pgCorpus, type PgCorpus } from "./pg-corpus";
import { SearchFloor } from "./search-bench";
import { type Managed, startNext } from "./server";
import { SimilarFloor } from "./similar-bench";

export type PgSide = {
  corpus: PgCorpus;
  next: Managed;
  search: SearchFloor;
  similar: SimilarFloor;
  /** In-process floors of the list, claim-page and source-page reads. */
  list: (params: Record<string, string>) => Promise<unknown>;
  claimPage: (id: string) => Promise<unknown>;
  sourcePage: (id: string) => Promise<unknown>;
  /** The server and the copy, for the results. */
  description: string;
  stop: () => Promise<void>;
};

function describeSide(settings: Record<string, string>, c: PgCorpus): string {
  const copy = c.reused
    ? "the corpus copied by an earlier run and kept (VERBATIM_TEST_PG_URL)"
    : `the corpus copied from the SQLite file in ${c.copySeconds.toFixed(0)} s, its full-text indexes built in ${c.indexSeconds.toFixed(0)} s`;
  const server = `PostgreSQL ${settings.server_version} on this machine (shared_buffers ${settings.shared_buffers}, fsync ${settings.fsync}, jit ${settings.jit})`;
  return `${server}, ${copy}; a second \`npm start\` on it, loaded after the SQLite rows of each endpoint; its floor is the route's repository function in process on a PostgreSQL connection`;
}

export async function startPgSide(opts: { file: string; claims: number; generatedAt: string; logFile: string; log: (s: string) => void }): Promise<PgSide> {
  const server = await pgServer();
  try {
    const corpus = await pgCorpus({
      file: opts.file,
      serverUrl: server.url,
      name: `verbatim_bench_${opts.claims}`,
      corpusId: `bench-${opts.claims} ${opts.generatedAt}`, // as bench:pg names it: either reuses the other's copy
      log: (s) => opts.log(`  [postgres] ${s}`),
    });
    const db: Db = createDb(corpus.url);
    const read: ReadDb = readDbFor(corpus.url);
    const settings = Object.fromEntries(
      (await read.all<{ name: string; setting: string } & Record<string, unknown>>(
        `SELECT "name", current_setting("name") AS "setting" FROM unnest(ARRAY['server_version', 'shared_buffers', 'fsync', 'jit']) AS "name"`, [],
      )).map((r) => [r.name, r.setting]),
    );
    const next = await startNext(corpus.url, opts.logFile);
    const search = new SearchFloor(corpus.url);
    return {
      corpus,
      next: { ...next, name: "npm start (PostgreSQL)" },
      search,
      similar: new SimilarFloor(corpus.url),
      list: (params) => listClaims(db, params),
      description: describeSide(settings, corpus),
      claimPage: (id) => getClaimWithSourceText(read, id),
      sourcePage: (id) => getSourceForPage(read, id),
      stop: async () => {
        await next.stop();
        await search.close();
        await db.$disconnect();
        server.stop();
      },
    };
  } catch (err) {
    server.stop();
    throw err;
  }
}
