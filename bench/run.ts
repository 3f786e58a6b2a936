// `npm run bench`: generate (or reuse) a synthetic corpus, load the built app with
// autocannon, measure the SQL and HTTP floors, print a Markdown table and append it to
// bench/RESULTS.md. See bench/README.md.
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { exportTable, measureExport } from "./export-bench";
import { timeAsync, timeSql, type SqlFloorResult } from "./floor";
import { DESIGNATED_SOURCE_ID, dbFileBytes, existingCorpus, generate, type CorpusMeta } from "./generate";
import { load, type LoadResult } from "./load";
import { FloorQueries } from "./queries";
import { SEARCH_QUERIES, SearchFloor, searchPaths } from "./search-bench";
import { SimilarFloor, similarClaimPaths, similarTextPaths } from "./similar-bench";
import { appendResults, loadAverage, machineInfo, markdownTable, type Row } from "./report";
import { type PgSide, startPgSide } from "./pg-side";
import { drawSamples } from "./sample";
import { ensureBuild, killAllNow, projectRoot, startFloorServer, startNext, type Managed } from "./server";

const log = (msg: string): void => void process.stderr.write(`${msg}\n`);

function positiveInt(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw.replace(/_/g, ""));
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} must be a positive integer (got "${raw}")`);
  return n;
}

function options() {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    strict: true,
    options: {
      claims: { type: "string" },
      sources: { type: "string" },
      duration: { type: "string" },
      connections: { type: "string" },
      seed: { type: "string" },
      "skip-build": { type: "boolean", default: false },
      build: { type: "boolean", default: false },
      keep: { type: "boolean", default: false },
      export: { type: "boolean", default: false },
      only: { type: "string" },
      engine: { type: "string", default: "sqlite" },
    },
  });
  if (values.engine !== "sqlite" && values.engine !== "postgres") throw new Error(`--engine must be sqlite or postgres (got "${values.engine}")`);
  const claims = positiveInt("claims", values.claims, 10_000);
  const duration = positiveInt("duration", values.duration, 10);
  return {
    claims,
    sources: positiveInt("sources", values.sources, Math.max(2, Math.floor(claims / 10))),
    duration,
    warmup: Math.min(3, duration),
    connections: positiveInt("connections", values.connections, 4),
    seed: positiveInt("seed", values.seed, 1),
    skipBuild: values["skip-build"],
    forceBuild: values.build,
    keep: values.keep,
    /** Measure the bulk export instead of the page load. */
    exportOnly: values.export,
    /** Only the endpoints whose name contains this (case-insensitive), e.g. "similar". */
    only: values.only?.toLowerCase(),
    /** postgres: every endpoint on SQLite and then on a PostgreSQL copy of the corpus (pg-side.ts). */
    postgres: values.engine === "postgres",
  };
}
type Options = ReturnType<typeof options>;

/**
 * `cached`: a page the reader cache keeps; measured as readers get it and also rendered
 * (cache bypassed). `beforeNext`: a page the server answers for anonymous readers
 * without Next (the search page); measured that way and also as Next renders it.
 */
type Endpoint = {
  name: string;
  paths: string[];
  sql: (i: number) => unknown;
  asyncFloor?: (i: number) => Promise<unknown>;
  /** The floor on PostgreSQL: the app's repository function in process (none for the framework floors). */
  pgFloor?: (pg: PgSide, i: number) => Promise<unknown>;
  cached?: true;
  beforeNext?: true;
};
/** Any verbatim.* cookie makes scripts/reader-cache.mjs pass the request to Next (signed-in users' rule). */
const BYPASS = { cookie: "verbatim.bench=1" };

/** Reads every path once, four at a time, so that the reader cache holds them. */
async function prime(origin: string, paths: string[]): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const res = await fetch(origin + paths[next++]!);
      await res.arrayBuffer();
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
}

const fmt = (n: number): string => n.toLocaleString("en-US");

async function checkFidelity(next: Managed, floor: Managed, endpoints: { list: string[]; claimPath: string; claimText: string; designatedPath: string }, warnings: string[]): Promise<void> {
  for (const p of endpoints.list) {
    const [a, b] = await Promise.all([next, floor].map(async (m) => {
      const res = await fetch(m.origin + p, { signal: AbortSignal.timeout(60_000) });
      if (!res.ok) throw new Error(`${m.name} ${p}: HTTP ${res.status}`);
      const body = (await res.json()) as { items?: Array<{ id?: unknown }>; nextCursor?: unknown };
      return JSON.stringify([body.items?.map((x) => x.id), body.nextCursor]);
    }));
    if (a !== b) throw new Error(`The app and the floor disagree on ${p} (is the app using the bench database?)\n app:   ${a}\n floor: ${b}`);
  }
  const claimHtml = await (await fetch(next.origin + endpoints.claimPath)).text();
  if (!claimHtml.includes(endpoints.claimText)) warnings.push(`claim page ${endpoints.claimPath} does not contain the claim text`);
  const sourceHtml = await (await fetch(next.origin + endpoints.designatedPath)).text();
  const shown = sourceHtml.split('data-claim-id="').length - 1;
  if (shown !== 200) warnings.push(`the 200-span source page lists ${shown} claims (data-claim-id), expected 200`);
}

async function main(opts: Options): Promise<void> {
  const started = Date.now();
  const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`;
  const loadAvgStart = loadAverage();
  ensureBuild({ skip: opts.skipBuild, force: opts.forceBuild, log });

  const dataDir = path.join(projectRoot, "bench", "data");
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, `bench-${opts.claims}.db`);
  let meta: CorpusMeta | null = opts.keep ? existingCorpus({ file, claims: opts.claims, sources: opts.sources, seed: opts.seed }) : null;
  let reused = meta !== null;
  if (meta) {
    log(`Reusing ${path.relative(projectRoot, file)} (generated ${meta.generatedAt} in ${meta.generationSeconds.toFixed(1)} s)`);
    // Migrations added since it was generated, before anything else opens it.
    const migrated = spawnSync(process.execPath, [path.join(projectRoot, "bin", "verbatim.mjs"), "migrate"], { env: { ...process.env, DATABASE_URL: `file:${file}` }, stdio: "inherit" });
    if (migrated.status !== 0) throw new Error(`verbatim migrate failed on ${file}`);
  } else {
    log(`Generating ${fmt(opts.claims)} claims over ${fmt(opts.sources)} sources into ${path.relative(projectRoot, file)}…`);
    meta = await generate({ file, claims: opts.claims, sources: opts.sources, seed: opts.seed, log });
    reused = false;
    log(`Generated in ${meta.generationSeconds.toFixed(1)} s`);
  }
  const dbBytes = dbFileBytes(file);
  if (opts.exportOnly) {
    log("Bulk export: GET /api/export?format=csl-json against a fresh npm start…");
    const m = await measureExport(file, path.join(dataDir, "next-server.log"), log);
    const section = [
      `## ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC — bulk export, ${fmt(opts.claims)} claims`,
      "",
      `- Command: \`${command}\``,
      `- Machine: ${machineInfo()}; load average ${loadAvgStart} at start, ${loadAverage()} at end`,
      `- Corpus: ${fmt(meta.rows.Claim ?? 0)} claims, ${fmt(meta.rows.Source ?? 0)} sources; DB file ${(dbBytes / 1e6).toFixed(1)} MB`,
      `- Total bench time: ${((Date.now() - started) / 1000).toFixed(0)} s`,
      "",
      exportTable(m),
      "",
    ].join("\n");
    process.stdout.write(`\n${section}\n`);
    appendResults(path.join(projectRoot, "bench", "RESULTS.md"), section);
    if (m.items !== (meta.rows.Claim ?? -1)) throw new Error(`export returned ${m.items} items, expected ${meta.rows.Claim}`);
    return;
  }
  const samples = drawSamples(file, opts.seed, DESIGNATED_SOURCE_ID);
  const q = new FloorQueries(file);
  const searchFloor = new SearchFloor(file);
  const similarFloor = new SimilarFloor(file);
  const servers: Managed[] = [];
  const warnings: string[] = [];
  const rows: Row[] = [];
  let pgSide: PgSide | null = null;
  try {
    if (opts.postgres) {
      log("PostgreSQL: the corpus copied into a database and a second app server on it…");
      pgSide = await startPgSide({ file, claims: opts.claims, generatedAt: meta.generatedAt, logFile: path.join(dataDir, "next-server-pg.log"), log });
    }
    log("Starting the app (npm start) and the HTTP floor server…");
    const next = await startNext(file, path.join(dataDir, "next-server.log"));
    servers.push(next);
    const floor = await startFloorServer(file);
    servers.push(floor);

    const { claimIds, sourceIds, cursors } = samples;
    const statuses = ["unreviewed", "supported", "disputed", "stale"];
    const firstClaim = q.claimDetail(claimIds[0]!);
    const fidelity = {
      list: ["/api/claims?limit=20", "/api/claims?limit=20&status=disputed", `/api/claims?limit=20&cursor=${cursors[0]!.cursor}`],
      claimPath: `/claims/${claimIds[0]!}`,
      claimText: firstClaim?.text ?? "",
      designatedPath: `/sources/${DESIGNATED_SOURCE_ID}`,
    };
    await checkFidelity(next, floor, fidelity, warnings);
    // Same API answers on both engines: the PostgreSQL app against the SQLite floor.
    if (pgSide) await checkFidelity(pgSide.next, floor, fidelity, warnings);

    const [lo, hi] = samples.depthRange;
    // Texts of sampled claims, as an editor would type the same fact again.
    const similarIds = claimIds.slice(0, 50);
    const texts = similarIds.map((id) => q.claimDetail(id)?.text ?? "").filter(Boolean);
    const textPaths = similarTextPaths(texts);
    const claimSimilarPaths = similarClaimPaths(similarIds);
    const endpoints: Endpoint[] = [
      // Floors of the framework itself: a page with no data through the same layout,
      // proxy and server, and a static file through the same server.
      { name: "Empty page `/status` (framework floor)", paths: ["/status"], sql: () => true },
      { name: "Static file `/icon.svg`", paths: ["/icon.svg"], sql: () => true },
      { name: "Claim page `/claims/:id`", paths: claimIds.map((id) => `/claims/${id}`), sql: (i) => q.claimDetail(claimIds[i % claimIds.length]!), pgFloor: (pg, i) => pg.claimPage(claimIds[i % claimIds.length]!), cached: true },
      { name: "API `/api/claims?limit=20`", paths: ["/api/claims?limit=20"], sql: () => q.listClaims({ limit: 20 }), pgFloor: (pg) => pg.list({ limit: "20" }) },
      {
        name: "API `…&status=` (4 statuses)",
        paths: statuses.map((s) => `/api/claims?limit=20&status=${s}`),
        sql: (i) => q.listClaims({ limit: 20, status: statuses[i % statuses.length]! }),
        pgFloor: (pg, i) => pg.list({ limit: "20", status: statuses[i % statuses.length]! }),
      },
      {
        name: `API \`…&cursor=\` (depth ${fmt(lo)}–${fmt(hi)})`,
        paths: cursors.map((c) => `/api/claims?limit=20&cursor=${c.cursor}`),
        sql: (i) => q.listClaims({ limit: 20, cursor: cursors[i % cursors.length]!.cursor }),
        pgFloor: (pg, i) => pg.list({ limit: "20", cursor: cursors[i % cursors.length]!.cursor }),
      },
      { name: "Source page `/sources/:id`", paths: sourceIds.map((id) => `/sources/${id}`), sql: (i) => q.sourceDetail(sourceIds[i % sourceIds.length]!), pgFloor: (pg, i) => pg.sourcePage(sourceIds[i % sourceIds.length]!), cached: true },
      { name: "Source page, 200 spans", paths: [`/sources/${DESIGNATED_SOURCE_ID}`], sql: () => q.sourceDetail(DESIGNATED_SOURCE_ID), pgFloor: (pg) => pg.sourcePage(DESIGNATED_SOURCE_ID), cached: true },
      {
        name: `Search API \`/api/search?q=\` (${SEARCH_QUERIES.length} queries; floor = lib/search in-process)`,
        paths: searchPaths("/api/search"),
        sql: () => null,
        asyncFloor: (i) => searchFloor.search(SEARCH_QUERIES[i % SEARCH_QUERIES.length]!),
        pgFloor: (pg, i) => pg.search.search(SEARCH_QUERIES[i % SEARCH_QUERIES.length]!),
      },
      {
        name: `Similar API \`/api/similar?text=\` (${textPaths.length} claim texts; floor = lib/match in-process)`,
        paths: textPaths,
        sql: () => null,
        asyncFloor: (i) => similarFloor.answer(textPaths[i % textPaths.length]!),
        pgFloor: (pg, i) => pg.similar.answer(textPaths[i % textPaths.length]!),
      },
      {
        name: `Similar API \`/api/claims/:id/similar\` (floor = lib/match in-process)`,
        paths: claimSimilarPaths,
        sql: () => null,
        asyncFloor: (i) => similarFloor.answer(claimSimilarPaths[i % claimSimilarPaths.length]!),
        pgFloor: (pg, i) => pg.similar.answer(claimSimilarPaths[i % claimSimilarPaths.length]!),
      },
      {
        name: `Search page \`/search?q=\` (floor = lib/search in-process)`,
        paths: searchPaths("/search"),
        sql: () => null,
        asyncFloor: (i) => searchFloor.search(SEARCH_QUERIES[i % SEARCH_QUERIES.length]!),
        pgFloor: (pg, i) => pg.search.search(SEARCH_QUERIES[i % SEARCH_QUERIES.length]!),
        beforeNext: true,
      },
    ];

    const loadOpts = { connections: opts.connections, durationSeconds: opts.duration };
    const warmOpts = { connections: opts.connections, durationSeconds: opts.warmup };
    const measure = async (m: Managed, e: Endpoint, headers?: Record<string, string>): Promise<LoadResult> => {
      await load(m.origin, e.paths, { ...warmOpts, headers });
      const r = await load(m.origin, e.paths, { ...loadOpts, headers });
      const bad = r.errors + r.timeouts + r.non2xx;
      if (bad > 0) warnings.push(`${m.name} ${e.name}: ${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx (${JSON.stringify(r.statusCodes)})`);
      return r;
    };
    const floorOpts = { maxSeconds: Math.min(5, opts.duration), maxIterations: 50_000, warmupIterations: 200 };
    /** The app's answers to `e` as readers get them (and as rendered, where a reader is answered before Next), each with its floors. */
    const measureApp = async (app: Managed, e: Endpoint, label: string, floors: () => Promise<Pick<Row, "httpFloor" | "sqlFloor">>) => {
      if (e.cached) {
        // Readers of pages the cache holds: each sampled page is read once first (the
        // reads that render and keep it), then the load. The row below it is the render.
        log(`- ${label}${e.name}: reading each of ${fmt(e.paths.length)} pages once into the reader cache…`);
        await prime(app.origin, e.paths);
      }
      log(`- ${label}${e.name}: ${app.name}…`);
      const page = await measure(app, e);
      log(`    ${fmt(Math.round(page.rps))} req/s, p50 ${page.latency.p50.toFixed(1)} ms, p95 ${page.latency.p95.toFixed(1)} ms`);
      const f = await floors();
      const reader = e.cached ? ", reader (cached)" : e.beforeNext ? ", reader (answered before Next)" : "";
      rows.push({ name: `${label}${e.name}${reader}`, page, ...f });
      if (e.cached || e.beforeNext) {
        const how = e.cached ? "rendered (cache bypassed)" : "rendered by Next (as for a signed-in user)";
        log(`  ${label}${e.name}: ${how}…`);
        const rendered = await measure(app, e, BYPASS);
        log(`    ${fmt(Math.round(rendered.rps))} req/s, p50 ${rendered.latency.p50.toFixed(1)} ms, p95 ${rendered.latency.p95.toFixed(1)} ms`);
        rows.push({ name: `${label}${e.name}, ${how}`, page: rendered, ...f });
      }
    };
    for (const e of endpoints.filter((x) => !opts.only || x.name.toLowerCase().includes(opts.only))) {
      await measureApp(next, e, "", async () => {
        log(`  ${e.name}: HTTP floor…`);
        const httpFloor = await measure(floor, e);
        log(`    ${fmt(Math.round(httpFloor.rps))} req/s, p50 ${httpFloor.latency.p50.toFixed(1)} ms, p95 ${httpFloor.latency.p95.toFixed(1)} ms`);
        const sqlFloor: SqlFloorResult = e.asyncFloor ? await timeAsync(e.asyncFloor, floorOpts) : timeSql(e.sql, floorOpts);
        log(`    SQL floor p50 ${sqlFloor.latency.p50.toFixed(3)} ms, p95 ${sqlFloor.latency.p95.toFixed(3)} ms`);
        return { httpFloor, sqlFloor };
      });
      const pg = pgSide;
      const pgFloor = e.pgFloor;
      if (pg) {
        await measureApp(pg.next, e, "**PostgreSQL** ", async () => {
          const sqlFloor = pgFloor ? await timeAsync((i) => pgFloor(pg, i), floorOpts) : null;
          if (sqlFloor) log(`    floor (repository function) p50 ${sqlFloor.latency.p50.toFixed(3)} ms, p95 ${sqlFloor.latency.p95.toFixed(3)} ms`);
          return { httpFloor: null, sqlFloor };
        });
      }
    }
  } finally {
    for (const s of servers.reverse()) await s.stop();
    await pgSide?.stop();
    q.close();
    await searchFloor.close();
  }

  const table = markdownTable(rows);
  const r = meta.rows;
  const section = [
    `## ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC — ${fmt(opts.claims)} claims / ${fmt(opts.sources)} sources`,
    "",
    `- Command: \`${command}\``,
    `- Machine: ${machineInfo()}; load average ${loadAvgStart} at start, ${loadAverage()} at end`,
    `- Corpus: ${fmt(r.Claim ?? 0)} claims, ${fmt(r.Source ?? 0)} sources, ${fmt(r.Span ?? 0)} spans, ${fmt(r.Attribution ?? 0)} attributions, ${fmt(r.Person ?? 0)} people / ${fmt(r.PersonAlias ?? 0)} aliases, ${fmt(r.Review ?? 0)} reviews (seed ${opts.seed})`,
    `- Generation: ${meta.generationSeconds.toFixed(1)} s${reused ? ` (reused with --keep; generated ${meta.generatedAt})` : ""}; DB file ${(dbBytes / 1e6).toFixed(1)} MB`,
    `- Load: autocannon, ${opts.connections} connections, ${opts.duration} s per endpoint after ${opts.warmup} s warm-up, 127.0.0.1; latencies are exact percentiles of every response; ids rotate over ${fmt(samples.claimIds.length)} sampled claims / ${fmt(samples.sourceIds.length)} sources / ${fmt(samples.cursors.length)} cursors`,
    ...(pgSide ? [`- PostgreSQL (--engine postgres): ${pgSide.description}`] : []),
    `- Total bench time: ${((Date.now() - started) / 1000).toFixed(0)} s`,
    ...(warnings.length ? ["", "**Warnings:**", ...warnings.map((w) => `- ${w}`)] : []),
    "",
    table,
    "",
  ].join("\n");
  process.stdout.write(`\n${section}\n`);
  appendResults(path.join(projectRoot, "bench", "RESULTS.md"), section);
  log("Appended to bench/RESULTS.md");
  if (warnings.length) process.exitCode = 1;
}

const opts = options();
process.on("exit", killAllNow);
for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(sig, () => {
    log(`${sig}: stopping servers`);
    killAllNow();
    process.exit(130);
  });
}
// Bounded runtime: generation + build allowance, plus every load phase with slack.
const budgetMs = (30 * 60 + 6 * 2 * (opts.duration + opts.warmup + 30)) * 1000;
setTimeout(() => {
  log(`Watchdog: the bench exceeded ${Math.round(budgetMs / 60_000)} min; stopping`);
  killAllNow();
  process.exit(3);
}, budgetMs).unref();

main(opts).catch((err: unknown) => {
  log(err instanceof Error ? (err.stack ?? err.message) : String(err));
  killAllNow();
  process.exit(1);
});
