// Search on PostgreSQL: the match window, the count and the highlights of search-claims.ts
// over the "ClaimSearch" table (prisma/postgres/migrations/*_search) with a tsquery. Same
// results as FTS5 where the engines agree; ranking is ts_rank with the same column weights
// in proportion (bm25 is FTS5's alone), and highlights come from ts_headline (README,
// "PostgreSQL", lists the differences).
import type { ReadDb, Row } from "../db-read";
import { MARK_CLOSE, MARK_OPEN } from "./highlight";
import type { SearchFilterKeys } from "./query";
import { RANK_WINDOW, type Window, windowOf, type WindowRow } from "./window";

// ts_rank's weights in {D, C, B, A} order: source 1, people 3, quotes 6, text 5 (FTS5's bm25 weights), over 6.
const rank = (doc: string) => `ts_rank('{0.1667, 0.5, 1.0, 0.8333}', ${doc}, q.q)`;
const QUERY = `(SELECT to_tsquery('verbatim_search', ?) AS q) q`;

function filterSql(f: SearchFilterKeys): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (f.status) (parts.push(`cs."status" = ?`), params.push(f.status));
  if (f.personId) (parts.push(`cs."personId" = ?`), params.push(f.personId));
  if (f.sourceId) (parts.push(`cs."sourceId" = ?`), params.push(f.sourceId));
  return { sql: parts.map((p) => ` AND ${p}`).join(""), params };
}

export async function pgCountMatches(read: ReadDb, tsq: string, f: SearchFilterKeys, ceiling: number, limit: number): Promise<number> {
  const { sql, params } = filterSql(f);
  const rows = await read.all<Row & { n: number }>(
    `SELECT count(*) AS "n" FROM (SELECT 1 FROM "ClaimSearch" cs, ${QUERY} WHERE cs."doc" @@ q.q AND cs."seq" <= ?${sql} LIMIT ?) x`,
    [tsq, ceiling, ...params, limit],
  );
  return Number(rows[0]?.n ?? 0);
}

// ts_rank is computed for the window's rows only, after the newest are picked: put in the
// scan, it ran for every match the GIN index returned before the sort (at a million claims
// a three-word search ranked 2,576 rows to keep 500: 58 ms, 24 ms this way).
const windowSql = (filters: string) => `WITH w AS MATERIALIZED (
    SELECT cs."seq" AS "r", cs."doc", cs."status", cs."personId", cs."sourceId"
    FROM "ClaimSearch" cs, ${QUERY} WHERE cs."doc" @@ q.q AND cs."seq" <= ?${filters}
    ORDER BY cs."seq" DESC LIMIT ${RANK_WINDOW + 1}
  ), m AS MATERIALIZED (
    SELECT w."r", ${rank('w."doc"')} AS "s", w."status", w."personId", w."sourceId"
    FROM (SELECT * FROM w ORDER BY "r" DESC LIMIT ${RANK_WINDOW}) w, ${QUERY}
  )
  SELECT 'hit' AS "facet", "r"::text AS "value", "s"::float8 AS "n" FROM (SELECT "r", "s" FROM m ORDER BY "s" DESC, "r" DESC LIMIT ? OFFSET ?) h
  UNION ALL SELECT 'ceiling', max("r")::text, count(*)::float8 FROM m
  UNION ALL SELECT 'more', NULL, (count(*) > ${RANK_WINDOW})::int::float8 FROM w
  UNION ALL SELECT 'status', "status", count(*)::float8 FROM m GROUP BY "status"
  UNION ALL SELECT 'person', "personId", count(*)::float8 FROM m WHERE "personId" IS NOT NULL GROUP BY "personId"
  UNION ALL SELECT 'source', "sourceId", count(*)::float8 FROM m GROUP BY "sourceId"`;

export async function pgMatchWindow(read: ReadDb, tsq: string, f: SearchFilterKeys, ceiling: number, limit: number, offset: number): Promise<Window> {
  const { sql, params } = filterSql(f);
  // ts_rank is higher for better matches.
  return windowOf(await read.all<WindowRow>(windowSql(sql), [tsq, ceiling, ...params, tsq, limit, offset]), ceiling, (n) => n);
}

export type PgHitRow = Row & { r: number; claimId: string; status: string; text: string; quote: string; people: string; source: string };

const ALL = `StartSel="${MARK_OPEN}", StopSel="${MARK_CLOSE}", HighlightAll=true`;
const SNIPPET = `StartSel="${MARK_OPEN}", StopSel="${MARK_CLOSE}", MaxWords=32, MinWords=16`;
const HIGHLIGHT_SQL = `SELECT cs."seq" AS "r", cs."claimId", cs."status",
    ts_headline('verbatim_search', cs."text", q.q, '${ALL}') AS "text",
    ts_headline('verbatim_search', cs."quotes", q.q, '${SNIPPET}') AS "quote",
    ts_headline('verbatim_search', cs."people", q.q, '${ALL}') AS "people",
    ts_headline('verbatim_search', cs."source", q.q, '${ALL}') AS "source",
    cs."quotes" AS "quotesText"
  FROM "ClaimSearch" cs, ${QUERY} WHERE cs."seq" = ANY(?::bigint[])`;

const unmarked = (s: string) => s.split(MARK_OPEN).join("").split(MARK_CLOSE).join("");

/** An excerpt of the quotes marked "…" where it is cut, as FTS5's snippet() marks it. */
function withEllipses(headline: string, whole: string): string {
  const plain = unmarked(headline);
  const at = whole.indexOf(plain);
  if (at < 0 || plain.length === whole.length) return headline;
  return `${at > 0 ? "…" : ""}${headline}${at + plain.length < whole.length ? "…" : ""}`;
}

/** The page's rows with their words marked: the claim text, the speaker and the source whole, the quotes as an excerpt. */
export async function pgHighlightRows(read: ReadDb, tsq: string, rowids: number[]): Promise<PgHitRow[]> {
  const rows = await read.all<PgHitRow & { quotesText: string }>(HIGHLIGHT_SQL, [tsq, rowids]);
  return rows.map(({ quotesText, ...r }) => ({ ...r, r: Number(r.r), quote: withEllipses(r.quote, quotesText) }));
}
