// The match window on PostgreSQL (window.ts says what a window is): the newest RANK_WINDOW
// matches of a tsquery over "ClaimSearch", ranked by ts_rank, with their facet counts.
//
// Finding the newest matches is the cost. A GIN index returns every match in no order, and
// PostgreSQL's other plan, walking "seq" down and testing each row, reads fifty rows per
// match when one row in fifty matches. So the rows carry their "seq" in buckets (4,096
// rows: "fine", 65,536: "coarse") as keys of the GIN index beside the words (migration
// *_search_buckets), and a "staged" window reads buckets newest first (fine ones over the
// newest coarse bucket, or the newest two for a common query, then coarse ones) until it
// has its matches.
//
// Staging pays one index probe per bucket, so it is worth it for queries in between: a
// probe of the newest full fine bucket decides. When one row in 25 matches there, or the
// whole index is likely to hold fewer than SPARSE matches, or the index is small, the
// "plain" query lets PostgreSQL's planner choose (walk "seq" down, or take all matches
// from GIN). A prefix term makes GIN collect every word it starts with on each bucket read,
// and a speaker's or a source's claims are read through their own index: both are plain.
// bench/RESULTS.md has the figures; either plan returns the same rows (tests/postgres/search-window.test.ts).
import type { ReadDb } from "../db-read";
import type { SearchFilterKeys } from "./query";
import { FACET_VALUES, RANK_WINDOW, type Window, windowOf, type WindowRow } from "./window";

/** Which query finds the newest matches: "auto" lets the probe decide; tests force one. */
export type WindowPlan = "auto" | "plain" | "staged";

const FINE_BITS = 12; // the generated columns' shifts (migration *_search_buckets)
const COARSE_BITS = 16;
/** A probe that finds this many matches in its 4,096 rows (one in 25) stops: the plain walk down "seq" is short. */
const DENSE = 164;
/**
 * A probe with this many matches (one row in 128) takes fine buckets over the newest two
 * coarse ones, where sixteen of them are likely to hold the window; a sparser query
 * reads fine buckets only down to the newest coarse bucket's start, then coarse ones.
 */
const FINE_TWO = 32;
/** Fewer matches than this expected in the whole index: one GIN scan of all of them beats a bucket read each. */
const SPARSE = 1000;

// ts_rank's weights in {D, C, B, A} order: source 1, people 3, quotes 6, text 5 (FTS5's bm25 weights), over 6.
const RANK = `ts_rank('{0.1667, 0.5, 1.0, 0.8333}', w."doc", q.q)`;
const COLUMNS = `cs."seq" AS "r", cs."doc", cs."status", cs."personId", cs."sourceId"`;

/** `AND …` conditions for the filters, their values added to `params` in order. */
export function filterConditions(f: SearchFilterKeys, params: unknown[]): string {
  const parts: string[] = [];
  for (const [column, value] of [["status", f.status], ["personId", f.personId], ["sourceId", f.sourceId]] as const) {
    if (value) (parts.push(` AND cs."${column}" = ?`), params.push(value));
  }
  return parts.join("");
}

export function windowQuery(tsq: string, f: SearchFilterKeys, ceiling: number, limit: number, offset: number, plan: WindowPlan): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const v = (x: unknown) => (params.push(x), "?");
  const matching = (bucket?: string) =>
    `${bucket ? `cs."${bucket}" = st."${bucket}" AND ` : ""}cs."doc" @@ q.q AND cs."seq" <= ${v(ceiling)}${filterConditions(f, params)}`;
  const staged = plan === "staged" || (plan === "auto" && !f.personId && !f.sourceId && !tsq.includes("*")); // "*": a prefix term (pg-query.ts)
  const gate = plan === "auto" && staged ? `(SELECT "plain" FROM probe)` : String(!staged);
  const fine = `(top."t" >> ${FINE_BITS})::int`;
  const sql = `WITH q AS NOT MATERIALIZED (SELECT to_tsquery('verbatim_search', ${v(tsq)}) AS q),
  top AS MATERIALIZED (SELECT least(coalesce(max("seq"), 0), ${v(ceiling)}) AS "t" FROM "ClaimSearch"),
  probe AS MATERIALIZED (
    SELECT top."t", p."n", top."t" < ${1 << COARSE_BITS} OR p."n" >= ${DENSE} OR p."n" * top."t" < ${SPARSE << FINE_BITS} AS "plain",
      ((${fine}) & 15) + 1 + CASE WHEN p."n" >= ${FINE_TWO} THEN 16 ELSE 0 END AS "nf",
      CASE WHEN p."n" >= ${FINE_TWO} THEN 2 ELSE 1 END AS "nc"
    FROM top, LATERAL (SELECT count(*) AS "n" FROM (SELECT 1 FROM "ClaimSearch" cs, q
      WHERE cs."fine" = ${fine} - 1 AND ${staged ? matching() : "false"} LIMIT ${DENSE}) x) p
  ),
  w AS MATERIALIZED (
    (SELECT ${COLUMNS} FROM "ClaimSearch" cs, q WHERE ${gate} AND ${matching()} ORDER BY cs."seq" DESC LIMIT ${RANK_WINDOW + 1})
    UNION ALL
    (SELECT x.* FROM q, probe top, generate_series(0, top."nf" - top."nc" + (top."t" >> ${COARSE_BITS})::int) i,
      LATERAL (SELECT CASE WHEN i < top."nf" THEN ${fine} - i END AS "fine",
                      CASE WHEN i >= top."nf" THEN (top."t" >> ${COARSE_BITS})::int - top."nc" - (i - top."nf") END AS "coarse") st,
      LATERAL (SELECT ${COLUMNS} FROM "ClaimSearch" cs WHERE ${matching("fine")}
               UNION ALL SELECT ${COLUMNS} FROM "ClaimSearch" cs WHERE ${matching("coarse")}
               ORDER BY 1 DESC) x
     WHERE NOT ${gate} LIMIT ${RANK_WINDOW + 1})
  ), m AS MATERIALIZED (
    SELECT w."r", ${RANK} AS "s", w."status", w."personId", w."sourceId"
    FROM (SELECT * FROM w ORDER BY "r" DESC LIMIT ${RANK_WINDOW}) w, q
  )
  SELECT 'hit' AS "facet", "r"::text AS "value", "s"::float8 AS "n" FROM (SELECT "r", "s" FROM m ORDER BY "s" DESC, "r" DESC LIMIT ${v(limit)} OFFSET ${v(offset)}) h
  UNION ALL SELECT 'ceiling', max("r")::text, count(*)::float8 FROM m
  UNION ALL SELECT 'more', NULL, (count(*) > ${RANK_WINDOW})::int::float8 FROM w
  UNION ALL SELECT 'status', "status", count(*)::float8 FROM m GROUP BY "status"
  UNION ALL (SELECT 'person', "personId", count(*)::float8 FROM m WHERE "personId" IS NOT NULL GROUP BY "personId" ORDER BY count(*) DESC, "personId" COLLATE "C" LIMIT ${FACET_VALUES})
  UNION ALL (SELECT 'source', "sourceId", count(*)::float8 FROM m GROUP BY "sourceId" ORDER BY count(*) DESC, "sourceId" COLLATE "C" LIMIT ${FACET_VALUES})`;
  return { sql, params };
}

/** The window under `ceiling` and one page of it (`limit` from `offset`); ts_rank is higher for better matches. */
export async function pgMatchWindow(read: ReadDb, tsq: string, f: SearchFilterKeys, ceiling: number, limit: number, offset: number, plan: WindowPlan = "auto"): Promise<Window> {
  const { sql, params } = windowQuery(tsq, f, ceiling, limit, offset, plan);
  return windowOf(await read.all<WindowRow>(sql, params), ceiling, (n) => n);
}
