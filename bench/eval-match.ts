// `npm run eval:match -- --data DIR`: similar-claim retrieval measured on public claim-
// retrieval data in the CLEF 2020 CheckThat! task 2 layout (DIR/verified_claims.docs.tsv,
// DIR/{train,dev}/tweets.queries.tsv and tweet-vclaim-pairs.qrels; the repository
// sshaar/clef2020-factchecking-task2, data/v3.zip). Train and dev only: the test queries
// are the project's acceptance check and are never read here.
//
// As a newsroom would: the verified claims are written as an ingest file (one source per
// claim: its text, with the article title as the source title; the claim quoting all of
// it, attributed to the publication), loaded by `verbatim ingest` into a new database,
// their sentence vectors computed (`verbatim embed`), and each tweet is sent to GET
// /api/similar of the built app (`next start`). Beside it,
// in the same run, plain BM25 over claim + title (lower-cased words, in memory).
// Reports MAP@5, recall@1 and recall@5 and appends them to bench/RESULTS.md.
//   --in-process   call findSimilar directly instead of the HTTP API (same code, no server)
//   --fit          also search the re-ranking weights on the train split (printed, not applied)
//   --engine postgres  the claims in PostgreSQL (a throwaway server, or VERBATIM_TEST_PG_URL's),
//                  matched in process (its own stemmer: Snowball's, not Porter's)
// Not committed: the data (fetch it yourself).
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { readDbFor } from "../lib/db-read";
import { pgServer, recreateDatabase } from "../lib/migrate/pg-databases";
import { Bm25Index } from "../lib/match/bm25-index";
import { findSimilar, rankSimilar } from "../lib/match/find-similar";
import type { Scored, Weights } from "../lib/match/rerank";
import { appendResults, machineInfo } from "./report";
import { ensureBuild, startNext } from "./server";

const { values } = parseArgs({
  options: {
    data: { type: "string" },
    split: { type: "string", default: "dev,train" },
    "in-process": { type: "boolean", default: false },
    fit: { type: "boolean", default: false },
    "skip-build": { type: "boolean", default: false },
    "no-record": { type: "boolean", default: false },
    engine: { type: "string", default: "sqlite" },
  },
});
if (!values.data || !existsSync(path.join(values.data, "verified_claims.docs.tsv"))) {
  console.error("usage: npm run eval:match -- --data DIR   (DIR holds verified_claims.docs.tsv and train/, dev/ of CLEF 2020 CheckThat! task 2, v3)");
  process.exit(2);
}
const dir = values.data;
const splits = values.split.split(",").filter((s) => s === "train" || s === "dev");
if (splits.length === 0) {
  console.error("--split takes train and/or dev (the test split is never read)");
  process.exit(2);
}

// The files are tab-separated with CSV-style quoting: a field holding a quote is written
// in quotes, its own quotes doubled ("""human zoos"""). Read as the text it stands for.
const unquote = (f: string) => (f.length >= 2 && f.startsWith('"') && f.endsWith('"') ? f.slice(1, -1).replace(/""/g, '"') : f);
const rows = (file: string) => readFileSync(file, "utf8").split("\n").slice(1).filter(Boolean).map((l) => l.split("\t").map(unquote));
const verified = rows(path.join(dir, "verified_claims.docs.tsv")).map(([id, claim, title]) => ({ id: id!, claim: (claim ?? "").trim(), title: (title ?? "").trim() }));

// 1. The ingest file and the database.
const work = mkdtempSync(path.join(os.tmpdir(), "verbatim-eval-match-"));
const dbFile = path.join(work, "claims.db");
const postgres = values.engine === "postgres" ? await throwawayPostgres() : null;
const databaseUrl = postgres?.url ?? `file:${dbFile}`;
const env = { ...process.env, DATABASE_URL: databaseUrl };

async function throwawayPostgres(): Promise<{ url: string; stop(): void }> {
  const server = await pgServer();
  return { url: await recreateDatabase(server.url, "verbatim_eval_match"), stop: server.stop };
}
const cli = path.resolve(import.meta.dirname, "..", "bin", "verbatim.mjs");
const lines = verified
  .filter((v) => v.claim)
  .map((v) =>
    JSON.stringify({
      source: { text: v.claim, ...(v.title ? { title: v.title.slice(0, 500) } : {}) },
      claims: [{ text: v.claim.slice(0, 2_000), spans: [{ start: 0, end: Array.from(v.claim).length }], attribution: { kind: "publication" } }],
    }),
  );
writeFileSync(path.join(work, "claims.jsonl"), lines.join("\n") + "\n");
execFileSync("node", [cli, "migrate"], { env, stdio: "ignore" });
const started = performance.now();
execFileSync("node", [cli, "ingest", path.join(work, "claims.jsonl")], { env, stdio: ["ignore", "ignore", "inherit"] });
const ingestSeconds = (performance.now() - started) / 1000;
// The claims' sentence vectors, as the server would compute them in the background.
const embedStarted = performance.now();
execFileSync("node", [cli, "embed"], { env, stdio: ["ignore", "ignore", "inherit"] });
const embedSeconds = (performance.now() - embedStarted) / 1000;
// Verified claims with the same text are one claim here: it stands for all their ids.
const idsByText = new Map<string, string[]>();
for (const v of verified) idsByText.set(v.claim, [...(idsByText.get(v.claim) ?? []), v.id]);
const read = readDbFor(databaseUrl);
const vclaims = new Map<string, string[]>();
for (const r of await read.all<{ id: string; text: string }>(`SELECT "id", "text" FROM "Claim"`, [])) {
  vclaims.set(r.id, verified.filter((v) => v.claim.slice(0, 2_000) === r.text).map((v) => v.id));
}

// 2. Rankings.
const plainTokens = (s: string) => s.toLowerCase().match(/\w+/gu) ?? [];
const plain = new Bm25Index();
for (const v of verified) plain.add(v.id, plainTokens(`${v.claim} ${v.title}`));

const server = values["in-process"] || postgres ? null : (ensureBuild({ skip: values["skip-build"], force: false, log: console.error }), await startNext(dbFile, path.join(work, "next.log")));
async function viaProduct(text: string): Promise<string[]> {
  const ids = server
    ? ((await (await fetch(`${server.origin}/api/similar?${new URLSearchParams({ text: text.slice(0, 4_000), limit: "5" })}`)).json()) as { items: { claim: { id: string } }[] }).items.map((i) => i.claim.id)
    : (await findSimilar(read, { text: text.slice(0, 4_000), limit: 5, cacheKey: dbFile })).map((i) => i.claim.id);
  return ids.flatMap((id) => vclaims.get(id) ?? []);
}

type Query = { id: string; text: string; relevant: Set<string> };
function queries(split: string): Query[] {
  const gold = new Map<string, Set<string>>();
  // The qrels file has no header line: query id, 0, verified claim id, 1.
  for (const line of readFileSync(path.join(dir, split, "tweet-vclaim-pairs.qrels"), "utf8").split("\n").filter(Boolean)) {
    const [q, , v] = line.split("\t");
    gold.set(q!, (gold.get(q!) ?? new Set()).add(v!));
  }
  return rows(path.join(dir, split, "tweets.queries.tsv")).map(([id, text]) => ({ id: id!, text: text ?? "", relevant: gold.get(id!) ?? new Set() }));
}

type Score = { map5: number; r1: number; r5: number; n: number };
function score(qs: Query[], ranked: string[][]): Score {
  let map5 = 0, r1 = 0, r5 = 0;
  qs.forEach((q, k) => {
    const top = [...new Set(ranked[k]!)].slice(0, 5);
    let hits = 0, ap = 0;
    top.forEach((id, i) => {
      if (q.relevant.has(id)) ap += ++hits / (i + 1);
    });
    map5 += q.relevant.size ? ap / Math.min(q.relevant.size, 5) : 0;
    if (q.relevant.has(top[0] ?? "")) r1++;
    if (top.some((id) => q.relevant.has(id))) r5++;
  });
  const n = qs.length;
  return { map5: map5 / n, r1: r1 / n, r5: r5 / n, n };
}

const f = (x: number) => x.toFixed(3);
const table: string[] = [];
for (const split of splits) {
  const qs = queries(split);
  const ours: string[][] = [];
  for (const q of qs) ours.push(await viaProduct(q.text));
  const base = qs.map((q) => plain.search(plainTokens(q.text), 5).map((h) => h.id));
  const a = score(qs, ours);
  const b = score(qs, base);
  const how = server ? "GET /api/similar (next start)" : `findSimilar in process${postgres ? " on PostgreSQL" : ""}`;
  table.push(`| ${split} (${a.n} queries) | Verbatim: ${how} | **${f(a.map5)}** | ${f(a.r1)} | ${f(a.r5)} |`);
  table.push(`| ${split} (${b.n} queries) | plain BM25 over claim + title (lower-cased words) | ${f(b.map5)} | ${f(b.r1)} | ${f(b.r5)} |`);
}
await server?.stop();

// 3. Optional: the re-ranking weights searched on train (features computed once per query).
if (values.fit) {
  const qs = queries("train");
  const ranked: Scored[][] = [];
  for (const q of qs) ranked.push(await rankSimilar(read, { text: q.text.slice(0, 4_000), cacheKey: dbFile }));
  // Coordinate ascent on MAP@5: each weight in turn set to its best value on a grid, three rounds.
  const keys = Object.keys(ranked.flat()[0]?.features ?? {}) as (keyof Weights)[];
  const evaluate = (w: Weights) => {
    const value = (s: Scored) => keys.reduce((sum, k) => sum + w[k] * s.features[k], 0);
    return score(qs, ranked.map((list) => list.map((s) => ({ s, v: value(s) })).sort((x, y) => y.v - x.v || x.s.rowid - y.s.rowid).slice(0, 5).flatMap((x) => vclaims.get(x.s.claimId) ?? []))).map5;
  };
  const w = Object.fromEntries(keys.map((k) => [k, k === "lexical" ? 1 : 0])) as Weights;
  let best = { map: evaluate(w), w: { ...w } };
  for (let round = 0; round < 3; round++) {
    for (const k of keys) {
      if (k === "lexical") continue;
      for (const v of [0, 0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1, 1.5]) {
        const m = evaluate({ ...best.w, [k]: v });
        if (m > best.map + 1e-9) best = { map: m, w: { ...best.w, [k]: v } };
      }
    }
  }
  console.error(`fit on train: MAP@5 ${f(best.map)} with ${JSON.stringify(best.w)}`);
}
rmSync(work, { recursive: true, force: true });
postgres?.stop();

const section = [
  `## Similar-claim matching on CLEF 2020 CheckThat! task 2 (issue 15), ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`,
  "",
  `Machine: ${machineInfo()}. Command: \`npm run eval:match -- --data DIR${postgres ? " --engine postgres" : server ? "" : " --in-process"}\` with DIR the v3 data of sshaar/clef2020-factchecking-task2 (${verified.length.toLocaleString("en-US")} verified claims, loaded with \`verbatim ingest\` in ${ingestSeconds.toFixed(1)} s, their sentence vectors computed by \`verbatim embed\` in ${embedSeconds.toFixed(0)} s; train and dev queries only).`,
  "",
  "| split | ranking | MAP@5 | recall@1 | recall@5 |",
  "| --- | --- | ---: | ---: | ---: |",
  ...table,
].join("\n");
console.log(section);
if (!values["no-record"]) appendResults(path.join(import.meta.dirname, "RESULTS.md"), section);
process.exit(0);
