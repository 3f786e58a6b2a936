// The match window: the newest RANK_WINDOW matches of a search, ranked by bm25 and
// counted by status, person and source in one pass over the index.
//
// Why a window: a word common in a million claims can match most of them, and ranking
// all of them (FTS5's `ORDER BY rank`) costs seconds. Walking the index from the newest
// row down is cheap, so the window is the newest matches, and results say when it is
// smaller than the match count. Facet values come from the index's own unindexed columns
// (no join per match). A lower rowid bound is slow in FTS5 but an upper one is not, so a
// window is pinned by its newest rowid (`ceiling`): later pages rank the same window
// even while claims are added.
import type { ClaimStatus } from "../claims/schemas";
import { CLAIM_STATUSES } from "../claims/schemas";
import type { ReadDb, Row } from "../db-read";

/**
 * Matches ranked, counted and faceted. Each costs a bm25 score and a read of its row, and
 * at a million claims under four concurrent searches a window of 1,000 gave a p95 of
 * 60 ms and one of 500 gave 41 ms (bench/RESULTS.md); past 500 matches a query is too
 * broad to read through anyway, and the facets say how to narrow it.
 */
export const RANK_WINDOW = 500;
/** Person and source facets list this many values, the most frequent first. */
export const FACET_VALUES = 10;
/** No ceiling: the first page. */
export const NO_CEILING = Number.MAX_SAFE_INTEGER;

// bm25 weight per index column, in table order: claimId, status, personId, sourceId and
// keys are never searched; a word in the quote or the claim outranks one in the
// speaker's names, which outranks one in the source's title or publisher.
const RANKING = "bm25(\"ClaimSearch\", 0, 0, 0, 0, 0, 5.0, 6.0, 3.0, 1.0)";

const COUNT_SQL = `SELECT count(*) AS "n" FROM (
    SELECT rowid FROM "ClaimSearch" WHERE "ClaimSearch" MATCH ? AND rowid <= ? ORDER BY rowid DESC LIMIT ?
  )`;

// One more row than the window is read only to tell whether there are more matches.
const WINDOW_SQL = `WITH w AS MATERIALIZED (
    SELECT rowid AS "r", ${RANKING} AS "s", "status", "personId", "sourceId"
    FROM "ClaimSearch" WHERE "ClaimSearch" MATCH ? AND rowid <= ? ORDER BY rowid DESC LIMIT ${RANK_WINDOW + 1}
  ), m AS MATERIALIZED (SELECT * FROM w ORDER BY "r" DESC LIMIT ${RANK_WINDOW})
  SELECT 'hit' AS "facet", "r" AS "value", "s" AS "n" FROM (SELECT "r", "s" FROM m ORDER BY "s", "r" DESC LIMIT ? OFFSET ?)
  UNION ALL SELECT 'ceiling', max("r"), count(*) FROM m
  UNION ALL SELECT 'more', NULL, count(*) > ${RANK_WINDOW} FROM w
  UNION ALL SELECT 'status', "status", count(*) FROM m GROUP BY "status"
  UNION ALL SELECT 'person', "personId", count(*) FROM m WHERE "personId" IS NOT NULL GROUP BY "personId"
  UNION ALL SELECT 'source', "sourceId", count(*) FROM m GROUP BY "sourceId"`;

export type WindowRow = Row & { facet: "hit" | "ceiling" | "more" | "status" | "person" | "source"; value: string | number | bigint | null; n: number | bigint };

export type FacetCount<T = string> = { value: T; count: number };
export type Window = {
  /** Index rowids of the requested page, best first, with their bm25 score (higher is better). */
  hits: { rowid: number; score: number }[];
  /** How many matches were ranked (at most RANK_WINDOW), whether there are more, and the newest one's rowid. */
  ranked: number;
  more: boolean;
  ceiling: number;
  status: FacetCount<ClaimStatus>[];
  /** The FACET_VALUES most frequent person and source ids. */
  person: FacetCount[];
  source: FacetCount[];
};

/** How many matches there are under `ceiling`, up to `limit` (walking rowids only, without reading any row). */
export async function countMatches(read: ReadDb, match: string, ceiling: number, limit: number): Promise<number> {
  return Number((await read.all<Row & { n: number | bigint }>(COUNT_SQL, [match, ceiling, limit]))[0]?.n ?? 0);
}

const top = (rows: WindowRow[]): FacetCount[] =>
  rows
    .map((r) => ({ value: String(r.value), count: Number(r.n) }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1))
    .slice(0, FACET_VALUES);

/** The window under `ceiling`: one page of ranked hits (`limit` from `offset`) and the facet counts. */
export async function matchWindow(read: ReadDb, match: string, ceiling: number, limit: number, offset: number): Promise<Window> {
  // -bm25: FTS5's bm25 is lower for better matches.
  return windowOf(await read.all<WindowRow>(WINDOW_SQL, [match, ceiling, limit, offset]), ceiling, (n) => -n);
}

/**
 * A window from its query's rows (facet, value, n), as both engines' window queries
 * return them; `score` turns a hit's rank into a score where higher is better.
 */
export function windowOf(rows: WindowRow[], ceiling: number, score: (rank: number) => number): Window {
  const of = (f: WindowRow["facet"]) => rows.filter((r) => r.facet === f);
  const statusCounts = new Map(of("status").map((r) => [String(r.value), Number(r.n)]));
  const ceilingRow = of("ceiling")[0];
  return {
    hits: of("hit")
      .map((r) => ({ rowid: Number(r.value), score: score(Number(r.n)) }))
      .sort((a, b) => b.score - a.score || b.rowid - a.rowid),
    ranked: Number(ceilingRow?.n ?? 0),
    more: Number(of("more")[0]?.n ?? 0) === 1,
    ceiling: ceilingRow?.value === null || ceilingRow?.value === undefined ? ceiling : Number(ceilingRow.value),
    status: CLAIM_STATUSES.filter((s) => statusCounts.has(s)).map((s) => ({ value: s, count: statusCounts.get(s)! })),
    person: top(of("person")),
    source: top(of("source")),
  };
}
