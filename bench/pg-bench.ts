// `npm run bench:pg -- --claims 1000000`: the read paths at scale on PostgreSQL beside
// SQLite, in one run on one machine. The corpus is the SQLite bench database that
// `npm run bench` generated (bench/data/bench-N.db, already verified there), copied into a
// throwaway PostgreSQL server (or VERBATIM_TEST_PG_URL's) with triggers off for the copy,
// its search and similar-claim indexes then built by their refresh functions, once for all claims. Measured in
// process through the same repository functions the routes call, `--connections`
// requests at a time: search (the bench's 16 queries), similar claims for claim texts, and
// the claim page's read. Appends the figures to bench/RESULTS.md.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { getClaimWithSourceText } from "../lib/claims/get-claim-with-source-text";
import { createDb } from "../lib/db";
import { type ReadDb, readDbFor } from "../lib/db-read";
import { findSimilar } from "../lib/match/find-similar";
import { prepareSearch, runSearch } from "../lib/search/search-claims";
import { migrate } from "../lib/migrate/migrate";
import { pgServer } from "../lib/migrate/pg-databases";
import { pgCorpus } from "./pg-corpus";
import { appendResults, machineInfo } from "./report";
import { SEARCH_QUERIES } from "./search-bench";
import { summarize } from "./stats";

const { values } = parseArgs({
  options: {
    claims: { type: "string", default: "1000000" },
    connections: { type: "string", default: "4" },
    requests: { type: "string", default: "400" },
    "no-record": { type: "boolean", default: false },
  },
});
const file = path.join(import.meta.dirname, "data", `bench-${values.claims}.db`);
if (!existsSync(file)) {
  console.error(`${file} does not exist: run \`npm run bench -- --claims ${values.claims} --keep\` first.`);
  process.exit(2);
}
const log = (s: string) => console.error(`[bench:pg] ${s}`);
const meta = JSON.parse(readFileSync(file.replace(/\.db$/, ".meta.json"), "utf8")) as { generatedAt: string };

// 1. A PostgreSQL copy of the corpus (reused on a kept server: VERBATIM_TEST_PG_URL).
await migrate(`file:${file}`); // a corpus from an older build: brought to this schema first
const server = await pgServer();
const corpus = await pgCorpus({ file, serverUrl: server.url, name: `verbatim_bench_${values.claims}`, corpusId: `bench-${values.claims} ${meta.generatedAt}`, log });
const pgUrl = corpus.url;
const sqlite = new Database(file, { readonly: true });

// 2. The same reads on both engines.
const claimIds = (sqlite.prepare(`SELECT "id" FROM "Claim" ORDER BY "id" LIMIT 2000`).all() as { id: string }[]).map((r) => r.id);
const claimTexts = (sqlite.prepare(`SELECT "text" FROM "Claim" WHERE "id" IN (${claimIds.slice(0, 200).map(() => "?").join(", ")})`).all(...claimIds.slice(0, 200)) as { text: string }[]).map((r) => r.text);
sqlite.close();

async function measure(run: (i: number) => Promise<unknown>): Promise<ReturnType<typeof summarize> & { perSecond: number }> {
  const total = Number(values.requests);
  const samples: number[] = [];
  for (let i = 0; i < Math.min(20, total); i++) await run(i); // warm-up
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: Number(values.connections) }, async () => {
      while (next < total) {
        const i = next++;
        const t = performance.now();
        await run(i);
        samples.push(performance.now() - t);
      }
    }),
  );
  return { ...summarize(samples), perSecond: total / ((performance.now() - t0) / 1000) };
}

const rowsOut: string[] = [];
for (const [engine, url] of [["SQLite", `file:${file}`], ["PostgreSQL", pgUrl]] as const) {
  const read: ReadDb = readDbFor(url);
  const db = createDb(url);
  const searches = await Promise.all(SEARCH_QUERIES.map((q) => prepareSearch(db, { q, limit: "20" })));
  const results = {
    "Search (16 queries)": await measure((i) => runSearch(read, searches[i % searches.length]!)),
    "Similar claims (claim texts)": await measure((i) => findSimilar(read, { text: claimTexts[i % claimTexts.length]!, limit: 10, cacheKey: url })),
    "Claim page read": await measure((i) => getClaimWithSourceText(read, claimIds[i % claimIds.length]!)),
  };
  for (const [name, s] of Object.entries(results)) {
    rowsOut.push(`| ${name} | ${engine} | ${s.p50.toFixed(1)} | ${s.p95.toFixed(1)} | ${s.p99.toFixed(1)} | ${s.perSecond.toFixed(0)} |`);
  }
  await db.$disconnect();
}
server.stop();

const section = [
  `## PostgreSQL beside SQLite at ${Number(values.claims).toLocaleString("en-US")} claims (issue 16), ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`,
  "",
  `Machine: ${machineInfo()}. Command: \`npm run bench:pg -- --claims ${values.claims} --connections ${values.connections}\`. PostgreSQL 15 (Debian), throwaway server, shared_buffers 256 MB, fsync off; ${corpus.reused ? "the corpus copied from the SQLite bench database by an earlier run (kept server)" : `the corpus copied from the SQLite bench database in ${corpus.copySeconds.toFixed(0)} s, its two full-text indexes built in ${corpus.indexSeconds.toFixed(0)} s`}. In process, through the repository functions the routes call, ${values.connections} at a time, ${values.requests} requests each, after 20 warm-up requests. Milliseconds.`,
  "",
  "| read | engine | p50 | p95 | p99 | per second |",
  "| --- | --- | ---: | ---: | ---: | ---: |",
  ...rowsOut,
].join("\n");
console.log(section);
if (!values["no-record"]) appendResults(path.join(import.meta.dirname, "RESULTS.md"), section);
process.exit(0);
