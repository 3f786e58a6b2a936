// The search window on PostgreSQL (lib/search/pg-window.ts) has two ways to find the newest
// matches: the plain query (PostgreSQL's planner walks "seq" down or takes every match from
// GIN) and the staged one (reads seq buckets newest first). Whichever runs, and whichever
// the probe picks ("auto"), the window must be the same: same hits, scores, counts, facets.
//
// The rows are written straight into "ClaimSearch" (the index table the window reads) with
// chosen seq numbers: older rows spread over dozens of fine and coarse buckets with gaps,
// as re-indexing leaves them, the newest close together, so that the probe meets both
// dense and sparse queries.
import fc from "fast-check";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { readDbFor, type ReadDb } from "@/lib/db-read";
import { pgMatchWindow } from "@/lib/search/pg-window";
import { NO_CEILING } from "@/lib/search/window";
import { mulberry32 } from "../../bench/prng";
import { freshPgDatabase, type TestDatabase } from "../support/database";

const WORDS = ["pipeline", "oil", "exports", "tariff", "caspian", "rare"];
// How often each word is in a row: from most rows to a handful.
const SHARE = [0.6, 0.3, 0.2, 0.08, 0.02, 0.002];
const STATUSES = ["unreviewed", "supported", "disputed", "stale"] as const;
const ROWS = 5000;
const DENSE_TAIL = 2500;

let t: TestDatabase;
let sql: pg.Client;
let read: ReadDb;
let maxSeq = 0;

beforeAll(async () => {
  t = await freshPgDatabase(inject("pgServerUrl"), inject("pgTemplate"), { seed: false });
  sql = new pg.Client({ connectionString: t.url });
  await sql.connect();
  const rng = mulberry32(7); // the same table on every run
  const seqs: number[] = [];
  const texts: string[] = [];
  let seq = 0;
  for (let i = 0; i < ROWS; i++) {
    // First runs with gaps of up to ~3 fine buckets (~2M seq values), then the newest rows
    // close together, as after a bulk import: probes find many matches there.
    seq += 1 + (i >= ROWS - DENSE_TAIL ? rng.int(4) : rng.chance(0.9) ? rng.int(40) : rng.int(12_000));
    seqs.push(seq);
    texts.push(WORDS.filter((_, w) => rng.chance(SHARE[w]!)).join(" ") || "filler");
  }
  maxSeq = seq;
  await sql.query(
    `INSERT INTO "ClaimSearch" ("seq", "claimId", "status", "personId", "sourceId", "text", "quotes", "people", "source", "doc")
     SELECT s, 'c' || s, ($3::text[])[1 + s % 4], CASE WHEN s % 5 = 0 THEN NULL ELSE 'p' || s % 7 END, 's' || s % 11, x, '', '', '',
            setweight(to_tsvector('verbatim_search', x), 'A')
     FROM unnest($1::bigint[], $2::text[]) AS r(s, x)`,
    [seqs, texts, STATUSES],
  );
  await sql.query(`ANALYZE "ClaimSearch"`);
  read = readDbFor(t.url);
});
afterAll(async () => {
  await sql?.end();
  await t?.cleanup();
});

const tsqueries = fc.oneof(
  fc.subarray(WORDS, { minLength: 1, maxLength: 3 }).map((ws) => ws.map((w) => `'${w}'`).join(" & ")),
  fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...WORDS), fc.constantFrom(...WORDS)).map(([a, b, c]) => `('${a}' | '${b}') & '${c}'`),
  fc.constantFrom("'pipe':*", "'oil' & 'exp':*", "'nothing'"),
);
const filters = fc.oneof(
  fc.constant({}),
  fc.constantFrom(...STATUSES).map((status) => ({ status })),
  fc.integer({ min: 0, max: 6 }).map((p) => ({ personId: `p${p}` })),
  fc.integer({ min: 0, max: 10 }).map((s) => ({ sourceId: `s${s}` })),
);

describe("the PostgreSQL search window", () => {
  it("spreads the rows over many buckets", async () => {
    const { rows } = await sql.query(`SELECT count(DISTINCT "fine") AS f, count(DISTINCT "coarse") AS c FROM "ClaimSearch"`);
    expect(Number(rows[0].f)).toBeGreaterThan(100);
    expect(Number(rows[0].c)).toBeGreaterThan(10);
  });

  it("is the same whether found plain, staged or as the probe decides", async () => {
    await fc.assert(
      fc.asyncProperty(tsqueries, filters, fc.option(fc.integer({ min: 1, max: 2_100_000 }), { nil: undefined }), fc.integer({ min: 0, max: 40 }), async (tsq, f, ceiling, offset) => {
        const c = ceiling ?? NO_CEILING;
        const plain = await pgMatchWindow(read, tsq, f, c, 21, offset, "plain");
        expect(await pgMatchWindow(read, tsq, f, c, 21, offset, "staged")).toEqual(plain);
        expect(await pgMatchWindow(read, tsq, f, c, 21, offset, "auto")).toEqual(plain);
      }),
      { numRuns: 150 },
    );
  });

  it("holds the newest matches: the window of a common word is its 500 highest seq numbers", async () => {
    const { rows } = await sql.query(`SELECT "seq" FROM "ClaimSearch" WHERE "text" LIKE '%oil%' ORDER BY "seq" DESC`);
    const seqs = rows.map((r) => Number(r.seq));
    expect(seqs.length).toBeGreaterThan(501);
    for (const plan of ["plain", "staged", "auto"] as const) {
      const w = await pgMatchWindow(read, `'oil'`, {}, NO_CEILING, 500, 0, plan);
      expect({ ranked: w.ranked, more: w.more, ceiling: w.ceiling }).toEqual({ ranked: 500, more: true, ceiling: seqs[0] });
      expect(w.hits.map((h) => h.rowid).sort((a, b) => b - a)).toEqual(seqs.slice(0, 500));
    }
    expect(maxSeq).toBeGreaterThan(1 << 20);
  });
});
