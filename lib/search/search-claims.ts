// Full-text search over claims: ranked matches with highlighted words, facet counts and
// an opaque cursor. Reads go through the read connection (plain SQL on the FTS5 index,
// see prisma/migrations/*_search); only the person/source filter is resolved through
// Prisma, so that it accepts exactly what the claims list accepts. What bounds the cost
// at a million claims is the match window (window.ts).
import { type ResolvedClaimFilter, resolveClaimFilter } from "../claims/claim-filter";
import type { ClaimStatus } from "../claims/schemas";
import type { DbTx } from "../db";
import { dbIso, type ReadDb, type Row } from "../db-read";
import { parseInput } from "../validation";
import { decodeSearchCursor, encodeSearchCursor, type SearchCursor } from "./cursor";
import { hasMatch, MARK_CLOSE, MARK_OPEN, toSegments, type Segment } from "./highlight";
import { canPrefix, matchExpression, type SearchFilterKeys, searchWords, wordsMayMatchKeys } from "./query";
import { searchQuery } from "./schemas";
import { findSynonyms } from "./synonyms";
import { pgCountMatches, pgHighlightRows } from "./pg-search";
import { pgMatchWindow } from "./pg-window";
import { tsQueryText } from "./pg-query";
import { countMatches, type FacetCount, matchWindow, NO_CEILING, RANK_WINDOW, type Window } from "./window";

/**
 * The last word matches as a prefix only when, as typed, it is in fewer claims than this
 * (whatever the other words and filters): "toka" finds Tokayev, while "oil" does not
 * also search oilfield, oily, … — merging every term that starts with a common prefix
 * is the costliest query FTS5 has.
 */
export const PREFIX_BELOW = 20;

/**
 * A search connection's SQLite page cache (each search worker's), in KiB. Searches read the same full-text index pages
 * over and over (a common word's list of rows, for its bm25 weight): at a million claims
 * the index is about 250 MB, and with 256 MB per worker 16 bench queries in turn took
 * p50 10 / p95 17 ms, against 13–18 / 23–31 ms with the default 16 MB (lib/search
 * in-process; bench/RESULTS.md, issue 17). A cache holds only pages read, so a small
 * database uses little of it.
 */
export const SEARCH_CACHE_KIB = 256 * 1024;

export type SearchHit = {
  id: string;
  status: ClaimStatus;
  text: string;
  asOf: string | null;
  createdAt: string;
  /** bm25 relevance: higher is better; comparable only within one search. */
  score: number;
  /** The claim text, the best passage of its quotes, and — when they matched — the speaker's names and the source. */
  highlights: { text: Segment[]; quote: Segment[]; people: Segment[] | null; source: Segment[] | null };
  attribution: { kind: string; role: string | null; person: { id: string; name: string; slug: string } | null } | null;
  source: { id: string; title: string | null; publisher: string | null; publishedAt: string | null };
};

export type SearchFacets = {
  /** True when the counts cover only the newest `total.count` matches, not all of them. */
  capped: boolean;
  status: FacetCount<ClaimStatus>[];
  person: (FacetCount & { id: string; name: string; slug: string })[];
  source: (FacetCount & { id: string; title: string | null; publisher: string | null; publishedAt: string | null })[];
};

export type SearchResult = {
  q: string;
  items: SearchHit[];
  /**
   * Matches ranked and counted into facets: all of them, or with `capped` the newest
   * RANK_WINDOW (window.ts) of more.
   */
  total: { count: number; capped: boolean };
  facets: SearchFacets;
  nextCursor: string | null;
};

type HitRow = Row & { r: number | bigint; claimId: string; status: string; text: string; quote: string; people: string; source: string };
type ClaimRow = Row & {
  id: string; asOf: string | null; createdAt: Date | string | number; kind: string | null; role: string | null;
  personId: string | null; personName: string | null; personSlug: string | null;
  sourceId: string; title: string | null; publisher: string | null; publishedAt: string | null;
};

const placeholders = (n: number) => Array.from({ length: n }, () => "?").join(", ");

// Highlights only for the page's rows. One walk down from the window's ceiling that
// stops at the last of them: `rowid IN (…)` as an index constraint would re-run the
// whole MATCH once per row (for a prefix, re-merging its terms each time), so the unary
// plus keeps it a plain filter.
const HIGHLIGHT_SQL = (n: number) => `SELECT rowid AS "r", "claimId", "status",
    highlight("ClaimSearch", 5, ?, ?) AS "text",
    snippet("ClaimSearch", 6, ?, ?, '…', 32) AS "quote",
    highlight("ClaimSearch", 7, ?, ?) AS "people",
    highlight("ClaimSearch", 8, ?, ?) AS "source"
  FROM "ClaimSearch" WHERE "ClaimSearch" MATCH ? AND rowid <= ? AND +rowid IN (${placeholders(n)})
  ORDER BY rowid DESC LIMIT ${n}`;
const MARKS = [MARK_OPEN, MARK_CLOSE, MARK_OPEN, MARK_CLOSE, MARK_OPEN, MARK_CLOSE, MARK_OPEN, MARK_CLOSE];

const CLAIMS_SQL = (n: number) => `SELECT c."id", c."asOf", c."createdAt", a."kind", a."role",
    p."id" AS "personId", p."name" AS "personName", p."slug" AS "personSlug",
    s."id" AS "sourceId", s."title", s."publisher", s."publishedAt"
  FROM "Claim" c
  JOIN "Source" s ON s."id" = c."sourceId"
  LEFT JOIN "Attribution" a ON a."claimId" = c."id"
  LEFT JOIN "Person" p ON p."id" = a."personId"
  WHERE c."id" IN (${placeholders(n)})`;

const noResult = (q: string): SearchResult => ({
  q, items: [], total: { count: 0, capped: false }, facets: { capped: false, status: [], person: [], source: [] }, nextCursor: null,
});

/**
 * A search with its input checked and its filters resolved: plain data, so it can run on
 * another thread (search-pool.ts). Everything that can be the client's error (a 400)
 * is found here, before any search runs.
 */
export type PreparedSearch = { q: string; limit: number; filters: ResolvedClaimFilter; cursor: SearchCursor | null };

export async function prepareSearch(db: DbTx, rawQuery: Record<string, string | undefined>): Promise<PreparedSearch> {
  const q = parseInput(searchQuery, rawQuery);
  const filters = await resolveClaimFilter(db, q);
  const cursor = q.cursor ? decodeSearchCursor(q.cursor, RANK_WINDOW) : null;
  return { q: q.q, limit: q.limit, filters, cursor };
}

/** Runs a prepared search: reads through `read` alone. */
export async function runSearch(read: ReadDb, s: PreparedSearch): Promise<SearchResult> {
  const { cursor, filters } = s;
  const words = searchWords(s.q);
  const ceiling = cursor?.ceiling ?? NO_CEILING;
  const index = searchIndex(read);
  // Independent reads, side by side (on PostgreSQL each is a round trip).
  const [synonyms, prefix] = await Promise.all([findSynonyms(read, words), cursor?.prefix ?? lastWordIsRare(index, words)]);
  const match = index.expression(words, { synonyms, filters, prefixLast: prefix });
  if (match === null) return noResult(s.q);

  const offset = cursor?.offset ?? 0;
  const window = await index.window(match, filters, ceiling, s.limit + 1, offset);
  const page = window.hits.slice(0, s.limit);
  const items = page.length ? await pageItems(read, await index.highlights(match, window.ceiling, page.map((h) => h.rowid)), page) : [];
  return {
    q: s.q,
    items,
    total: { count: window.ranked, capped: window.more },
    facets: { capped: window.more, status: window.status, ...(await facetNames(read, window.person, window.source)) },
    nextCursor:
      window.hits.length > s.limit ? encodeSearchCursor({ offset: offset + s.limit, ceiling: window.ceiling, prefix }) : null,
  };
}

/** Searches claims on this thread. Query values are raw strings (URL parameters); a bad one is a 400. */
export async function searchClaims(db: DbTx, read: ReadDb, rawQuery: Record<string, string | undefined>): Promise<SearchResult> {
  return runSearch(read, await prepareSearch(db, rawQuery));
}

/**
 * The full-text index of the engine in use: FTS5 on SQLite (filters are `keys` tokens of
 * the MATCH expression), a tsvector table on PostgreSQL (filters are columns; pg-search.ts).
 */
type Expression = { synonyms?: Map<string, string[][]>; filters?: SearchFilterKeys; prefixLast: boolean };
type SearchIndex = {
  expression(words: readonly string[], o: Expression): string | null;
  count(match: string, ceiling: number, limit: number): Promise<number>;
  window(match: string, filters: SearchFilterKeys, ceiling: number, limit: number, offset: number): Promise<Window>;
  highlights(match: string, ceiling: number, rowids: number[]): Promise<HitRow[]>;
};

function searchIndex(read: ReadDb): SearchIndex {
  if (read.engine === "postgres") {
    return {
      expression: (words, o) => tsQueryText(words, o),
      count: (match, ceiling, limit) => pgCountMatches(read, match, {}, ceiling, limit),
      window: (match, filters, ceiling, limit, offset) => pgMatchWindow(read, match, filters, ceiling, limit, offset),
      highlights: (match, _ceiling, rowids) => pgHighlightRows(read, match, rowids),
    };
  }
  return {
    // Filters are `keys` tokens of the expression itself.
    expression: (words, o) => matchExpression(words, { ...o, allColumns: !wordsMayMatchKeys(words, o.synonyms ?? new Map(), o.prefixLast) }),
    count: (match, ceiling, limit) => countMatches(read, match, ceiling, limit),
    window: (match, _filters, ceiling, limit, offset) => matchWindow(read, match, ceiling, limit, offset),
    highlights: (match, ceiling, rowids) => read.all<HitRow>(HIGHLIGHT_SQL(rowids.length), [...MARKS, match, ceiling, ...rowids]),
  };
}

/**
 * Whether the last word may match as a prefix: it is long enough, and as typed it is in
 * fewer than PREFIX_BELOW claims (whatever the filters).
 */
async function lastWordIsRare(index: SearchIndex, words: string[]): Promise<boolean> {
  const last = index.expression(words.slice(-1), { prefixLast: false });
  return last !== null && canPrefix(words) && (await index.count(last, NO_CEILING, PREFIX_BELOW)) < PREFIX_BELOW;
}

/** The page's claims, in rank order, with their highlights. */
async function pageItems(read: ReadDb, marked: HitRow[], page: { rowid: number; score: number }[]): Promise<SearchHit[]> {
  const byRowid = new Map(marked.map((m) => [Number(m.r), m]));
  const claims = await read.all<ClaimRow>(CLAIMS_SQL(marked.length), marked.map((m) => m.claimId));
  const byId = new Map(claims.map((c) => [c.id, c]));
  return page.flatMap((h): SearchHit[] => {
    const m = byRowid.get(h.rowid);
    const c = m && byId.get(m.claimId);
    return m && c ? [hit(m, c, h.score)] : []; // changed between the reads: left out, not shown half-known
  });
}

function hit(r: HitRow, c: ClaimRow, score: number): SearchHit {
  const text = toSegments(r.text);
  const people = toSegments(r.people);
  const source = toSegments(r.source);
  return {
    id: r.claimId,
    status: r.status as ClaimStatus,
    text: text.map((s) => s.text).join(""),
    asOf: c.asOf,
    createdAt: dbIso(c.createdAt),
    score,
    highlights: { text, quote: toSegments(r.quote), people: hasMatch(people) ? people : null, source: hasMatch(source) ? source : null },
    attribution:
      c.kind === null
        ? null
        : { kind: c.kind, role: c.role, person: c.personId === null ? null : { id: c.personId, name: c.personName!, slug: c.personSlug! } },
    source: { id: c.sourceId, title: c.title, publisher: c.publisher, publishedAt: c.publishedAt },
  };
}

/** Names for the person and source facets; one deleted since it was counted is left out. */
async function facetNames(read: ReadDb, people: FacetCount[], sources: FacetCount[]): Promise<Pick<SearchFacets, "person" | "source">> {
  const [personRows, sourceRows] = await Promise.all([
    people.length
      ? read.all<Row & { id: string; name: string; slug: string }>(
          `SELECT "id", "name", "slug" FROM "Person" WHERE "id" IN (${placeholders(people.length)})`,
          people.map((p) => p.value),
        )
      : [],
    sources.length
      ? read.all<Row & { id: string; title: string | null; publisher: string | null; publishedAt: string | null }>(
          `SELECT "id", "title", "publisher", "publishedAt" FROM "Source" WHERE "id" IN (${placeholders(sources.length)})`,
          sources.map((s) => s.value),
        )
      : [],
  ]);
  const personById = new Map(personRows.map((p) => [p.id, p]));
  const sourceById = new Map(sourceRows.map((s) => [s.id, s]));
  return {
    person: people.flatMap((p) => {
      const row = personById.get(p.value);
      return row ? [{ value: p.value, count: p.count, id: row.id, name: row.name, slug: row.slug }] : [];
    }),
    source: sources.flatMap((s) => {
      const row = sourceById.get(s.value);
      return row ? [{ value: s.value, count: s.count, id: row.id, title: row.title, publisher: row.publisher, publishedAt: row.publishedAt }] : [];
    }),
  };
}
