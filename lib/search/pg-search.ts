// Search on PostgreSQL: the count and the highlights of search-claims.ts (the match window
// is pg-window.ts) over the "ClaimSearch" table (prisma/postgres/migrations/*_search) with
// a tsquery. Same results as FTS5 where the engines agree; highlights come from ts_headline
// (README, "PostgreSQL", lists the differences).
import type { ReadDb, Row } from "../db-read";
import { MARK_CLOSE, MARK_OPEN } from "./highlight";
import { filterConditions } from "./pg-window";
import type { SearchFilterKeys } from "./query";

const QUERY = `(SELECT to_tsquery('verbatim_search', ?) AS q) q`;

export async function pgCountMatches(read: ReadDb, tsq: string, f: SearchFilterKeys, ceiling: number, limit: number): Promise<number> {
  const params: unknown[] = [tsq, ceiling];
  const filters = filterConditions(f, params);
  const rows = await read.all<Row & { n: number }>(
    `SELECT count(*) AS "n" FROM (SELECT 1 FROM "ClaimSearch" cs, ${QUERY} WHERE cs."doc" @@ q.q AND cs."seq" <= ?${filters} LIMIT ?) x`,
    [...params, limit],
  );
  return Number(rows[0]?.n ?? 0);
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
