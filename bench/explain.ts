// Investigation helper (not part of `npm run bench`): where does a page's time go?
//   npx tsx bench/explain.ts --claims 1000000 [--http]
// On the bench database of that size it
//  1. calls the app's own data functions (lib/claims/get-claim, list-claims, lib/sources/get-source)
//     through Prisma in-process, capturing every SQL statement Prisma sends;
//  2. prints each distinct statement with its EXPLAIN QUERY PLAN and its bare execution time;
//  3. times each function sequentially (p50/p95) next to the bare-SQL floor of queries.ts;
//  4. with --http, also loads the claim page through `next start` at 1 connection (service time
//     without queueing) and at the usual 8.
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../lib/generated/prisma/client";
import { getClaim } from "../lib/claims/get-claim";
import { listClaims } from "../lib/claims/list-claims";
import { getSource } from "../lib/sources/get-source";
import { DESIGNATED_SOURCE_ID } from "./generate";
import { load } from "./load";
import { FloorQueries } from "./queries";
import { drawSamples } from "./sample";
import { killAllNow, projectRoot, startNext } from "./server";
import { summarize } from "./stats";

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { claims: { type: "string", default: "10000" }, seed: { type: "string", default: "1" }, http: { type: "boolean", default: false } },
});
const claims = Number(values.claims);
const file = path.join(projectRoot, "bench", "data", `bench-${claims}.db`);
const samples = drawSamples(file, Number(values.seed), DESIGNATED_SOURCE_ID);
const raw = new Database(file, { readonly: true });
const floor = new FloorQueries(file);
const prisma = new PrismaClient({
  adapter: new PrismaBetterSqlite3({ url: `file:${file}` }),
  log: [{ emit: "event", level: "query" }],
});
let captured: Array<{ sql: string; params: unknown[] }> | null = null;
prisma.$on("query", (e) => {
  captured?.push({ sql: e.query, params: JSON.parse(e.params) as unknown[] });
});

const fmt = (x: number): string => x.toFixed(3);

function bareTime(sql: string, params: unknown[]): number {
  const stmt = raw.prepare(sql);
  const times: number[] = [];
  for (let i = 0; i < 15; i++) {
    const t0 = performance.now();
    stmt.all(...params);
    times.push(performance.now() - t0);
  }
  return summarize(times).p50;
}

async function investigate(name: string, call: (i: number) => Promise<unknown>, floorCall: (i: number) => unknown): Promise<void> {
  console.log(`\n### ${name}\n`);
  captured = [];
  await call(0);
  const statements = captured;
  captured = null;
  console.log(`${statements.length} SQL statements per call:`);
  for (const s of statements) {
    const plan = raw.prepare(`EXPLAIN QUERY PLAN ${s.sql}`).all(...s.params) as Array<{ detail: string }>;
    const short = s.sql.replace(/`main`\./g, "").replace(/`/g, "").replace(/SELECT .*? FROM/, "SELECT … FROM");
    console.log(`- ${fmt(bareTime(s.sql, s.params))} ms  ${short.slice(0, 200)}`);
    for (const p of plan) console.log(`      ${p.detail}`);
  }
  for (let i = 0; i < 20; i++) await call(i); // warm-up
  const prismaTimes: number[] = [];
  const floorTimes: number[] = [];
  const deadline = performance.now() + 4000;
  for (let i = 0; i < 2000 && (i < 30 || performance.now() < deadline); i++) {
    let t0 = performance.now();
    await call(i);
    prismaTimes.push(performance.now() - t0);
    t0 = performance.now();
    floorCall(i);
    floorTimes.push(performance.now() - t0);
  }
  const p = summarize(prismaTimes);
  const f = summarize(floorTimes);
  console.log(`\nIn-process, sequential: Prisma p50 ${fmt(p.p50)} / p95 ${fmt(p.p95)} ms; bare SQL floor p50 ${fmt(f.p50)} / p95 ${fmt(f.p95)} ms (n=${p.n})`);
}

const { claimIds, sourceIds, cursors } = samples;
const statuses = ["unreviewed", "supported", "disputed", "stale"];
const cid = (i: number): string => claimIds[i % claimIds.length]!;
const sid = (i: number): string => sourceIds[i % sourceIds.length]!;
const cur = (i: number): string => cursors[i % cursors.length]!.cursor;

try {
  console.log(`# Where the time goes — ${claims.toLocaleString("en-US")} claims (${path.relative(projectRoot, file)})`);
  await investigate("getClaim (called twice per claim page: generateMetadata + page)", (i) => getClaim(prisma, cid(i)), (i) => floor.claimDetail(cid(i)));
  await investigate(
    "Claim page data as rendered: getClaim ×2 + source text",
    async (i) => {
      const c = await getClaim(prisma, cid(i));
      await getClaim(prisma, cid(i));
      await prisma.source.findUniqueOrThrow({ where: { id: c.source.id }, select: { text: true } });
    },
    (i) => floor.claimDetail(cid(i)),
  );
  await investigate("listClaims limit=20", () => listClaims(prisma, { limit: "20" }), () => floor.listClaims({ limit: 20 }));
  await investigate("listClaims limit=20 status=", (i) => listClaims(prisma, { limit: "20", status: statuses[i % 4] }), (i) => floor.listClaims({ limit: 20, status: statuses[i % 4]! }));
  await investigate("listClaims limit=20 cursor= (deep)", (i) => listClaims(prisma, { limit: "20", cursor: cur(i) }), (i) => floor.listClaims({ limit: 20, cursor: cur(i) }));
  await investigate("getSource (called twice per source page)", (i) => getSource(prisma, sid(i)), (i) => floor.sourceDetail(sid(i)));
  await investigate("getSource, 200 spans", () => getSource(prisma, DESIGNATED_SOURCE_ID), () => floor.sourceDetail(DESIGNATED_SOURCE_ID));

  if (values.http) {
    const next = await startNext(file, path.join(projectRoot, "bench", "data", "next-explain.log"));
    try {
      const paths = claimIds.map((id) => `/claims/${id}`);
      for (const connections of [1, 8]) {
        await load(next.origin, paths, { connections, durationSeconds: 3 });
        const r = await load(next.origin, paths, { connections, durationSeconds: 8 });
        console.log(`\nClaim page via next start, ${connections} connection(s): ${Math.round(r.rps)} req/s, p50 ${r.latency.p50.toFixed(1)} / p95 ${r.latency.p95.toFixed(1)} / p99 ${r.latency.p99.toFixed(1)} ms, non-2xx ${r.non2xx}`);
      }
    } finally {
      await next.stop();
    }
  }
} finally {
  killAllNow();
  await prisma.$disconnect();
  floor.close();
  raw.close();
}
