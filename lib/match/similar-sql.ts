// The SQL of find-similar, on the read connection: term statistics from the ClaimMatch
// index's vocabulary, the candidate query, and the matched claims' summaries.
import { bySql, type ReadDb, type Row } from "../db-read";
import { tsTerm } from "./pg-match";
import type { QueryTerm } from "./query-terms";

const marks = (n: number) => Array.from({ length: n }, () => "?").join(", ");

// A term's claim count is not stored by FTS5: the vocabulary table counts it by reading the
// term's whole list of claims (3 ms for a word in 135,000 of a million claims). Counts are
// only weights, so each is kept for a while, per database.
const DF_TTL_MS = 10 * 60_000;
const DF_MAX = 200_000;
const dfCache = new Map<string, { n: number; at: number }>();

/** How many claims hold each index term (terms no claim holds are left out); counts are up to 10 minutes old. */
export async function termDocs(read: ReadDb, terms: string[], key: string): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const missing: string[] = [];
  const now = Date.now();
  for (const t of new Set(terms)) {
    const hit = dfCache.get(`${key}\u0000${t}`);
    if (hit && now - hit.at < DF_TTL_MS) {
      if (hit.n > 0) out.set(t, hit.n);
    } else missing.push(t);
  }
  if (missing.length) {
    const rows = await read.all<Row & { term: string; doc: number }>(`SELECT "term", "doc" FROM "ClaimMatchVocab" WHERE "term" IN (${marks(missing.length)})`, missing);
    const found = new Map(rows.map((r) => [r.term, Number(r.doc)]));
    if (dfCache.size + missing.length > DF_MAX) dfCache.clear();
    for (const t of missing) {
      const n = found.get(t) ?? 0;
      dfCache.set(`${key}\u0000${t}`, { n, at: now });
      if (n > 0) out.set(t, n);
    }
  }
  return out;
}

/** Index terms starting with `prefix`, with their counts, at most `limit` (for near spellings). */
export async function termsWithPrefix(read: ReadDb, prefix: string, limit: number): Promise<{ term: string; doc: number }[]> {
  return (
    await read.all<Row & { term: string; doc: number }>(`SELECT "term", "doc" FROM "ClaimMatchVocab" WHERE "term" >= ? AND "term" < ? LIMIT ${limit}`, [prefix, `${prefix}\u{10FFFF}`])
  ).map((r) => ({ term: r.term, doc: Number(r.doc) }));
}

const countCache = new Map<string, { n: number; at: number }>();
const COUNT_TTL_MS = 30_000;

/** Claims in the index, for idf: counted at most every 30 s (a count reads the whole docsize table). */
export async function indexedClaims(read: ReadDb, key: string): Promise<number> {
  const hit = countCache.get(key);
  if (hit && Date.now() - hit.at < COUNT_TTL_MS) return hit.n;
  const sql = bySql(read, { sqlite: `SELECT count(*) AS "n" FROM "ClaimMatch_docsize"`, postgres: `SELECT count(*) AS "n" FROM "ClaimMatch"` });
  const [row] = await read.all<Row & { n: number }>(sql, []);
  const n = Number(row?.n ?? 0);
  countCache.set(key, { n, at: Date.now() });
  return n;
}

export type CandidateRow = Row & { rowid: number; claimId: string; personId: string | null; text: string; quotes: string; people: string; source: string };

// bm25 weight per column, in table order: claimId, personId, sourceId and keys are never
// matched; the claim's text and quotes count most, then the speaker's names, then the source.
const BM25 = `bm25("ClaimMatch", 0, 0, 0, 0, 1.0, 1.0, 0.6, 0.4)`;
const COLUMNS = `rowid AS "rowid", "claimId", "personId", "text", "quotes", "people", "source"`;
const CANDIDATES_SQL = (limit: number) => `SELECT ${COLUMNS} FROM "ClaimMatch" WHERE "ClaimMatch" MATCH ? ORDER BY ${BM25} LIMIT ${limit}`;
// The newest `window` matches: FTS5 walks a match down from the newest row and stops,
// where ranking every match of common words reads them all. No bm25 here: it counts the
// claims of each term first (all of them), which costs more than the walk (13 ms against
// 1.4 for three words in 135,000 claims each); the caller ranks the window itself.
const WINDOW_SQL = (window: number) => `SELECT ${COLUMNS} FROM "ClaimMatch" WHERE "ClaimMatch" MATCH ? ORDER BY rowid DESC LIMIT ${window}`;

// PostgreSQL has no bm25: candidates are ranked by the idf of the query terms each claim
// holds (bm25 without its term-frequency and length parts), then by ts_rank with the same
// column weights ({D, C, B, A}: source, people, quotes, text). ts_rank alone, which knows
// no idf, scored MAP@5 0.805 on CLEF dev, this 0.814 (SQLite: 0.832; README, "PostgreSQL").
const PG_COLUMNS = `cm."seq" AS "rowid", cm."claimId", cm."personId", cm."text", cm."quotes", cm."people", cm."source"`;
const PG_CANDIDATES_SQL = (limit: number, terms: number) =>
  `SELECT ${PG_COLUMNS} FROM "ClaimMatch" cm, (SELECT ?::tsquery AS q) q WHERE cm."doc" @@ q.q
   ORDER BY ${terms ? Array.from({ length: terms }, () => `(CASE WHEN cm."doc" @@ ?::tsquery THEN ?::float8 ELSE 0 END)`).join(" + ") : "0"} DESC,
     ts_rank('{0.4, 0.6, 1.0, 1.0}', cm."doc", q.q) DESC, cm."seq" DESC LIMIT ${limit}`;
const idf = (df: number, docs: number) => Math.log(1 + (docs - df + 0.5) / (df + 0.5));
const PG_WINDOW_SQL = (window: number) =>
  `SELECT ${PG_COLUMNS} FROM "ClaimMatch" cm WHERE cm."doc" @@ ?::tsquery ORDER BY cm."seq" DESC LIMIT ${window}`;

const COLUMNS_MATCHED = "{text quotes people source}";

/** The index query for claims holding any (`or`) or all (`and`) of the terms, in the engine's language. */
export function termsMatch(read: ReadDb, terms: Pick<QueryTerm, "phrase" | "indexTerms">[], how: "or" | "and"): string {
  if (read.engine === "postgres") return terms.map(tsTerm).join(how === "or" ? " | " : " & ");
  return `${COLUMNS_MATCHED} : (${terms.map((t) => t.phrase).join(how === "or" ? " OR " : " AND ")})`;
}

/**
 * The `limit` best matches by bm25: every match is ranked (keep the match to rarer terms).
 * PostgreSQL ranks by the idf of `idf.terms` held (see PG_CANDIDATES_SQL).
 */
export function candidateRows(
  read: ReadDb,
  match: string,
  limit: number,
  weights: { terms: (Pick<QueryTerm, "indexTerms"> & { df: number })[]; docs: number },
): Promise<CandidateRow[]> {
  if (read.engine !== "postgres") return read.all<CandidateRow>(CANDIDATES_SQL(limit), [match]);
  const params = weights.terms.flatMap((t) => [tsTerm(t), idf(t.df, Math.max(weights.docs, 1))]);
  return read.all<CandidateRow>(PG_CANDIDATES_SQL(limit, weights.terms.length), [match, ...params]);
}

/** The newest `window` matches. */
export function newestCandidateRows(read: ReadDb, match: string, window: number): Promise<CandidateRow[]> {
  return read.all<CandidateRow>(bySql(read, { sqlite: WINDOW_SQL(window), postgres: PG_WINDOW_SQL(window) }), [match]);
}

export type SummaryRow = Row & {
  id: string; text: string; status: string; asOf: string | null; kind: string | null; role: string | null;
  personId: string | null; personName: string | null; personSlug: string | null;
  sourceId: string; title: string | null; publisher: string | null; publishedAt: string | null;
};

export async function claimSummaries(read: ReadDb, ids: string[]): Promise<Map<string, SummaryRow>> {
  if (ids.length === 0) return new Map();
  const rows = await read.all<SummaryRow>(
    `SELECT c."id", c."text", c."status", c."asOf", a."kind", a."role",
       p."id" AS "personId", p."name" AS "personName", p."slug" AS "personSlug",
       s."id" AS "sourceId", s."title", s."publisher", s."publishedAt"
     FROM "Claim" c JOIN "Source" s ON s."id" = c."sourceId"
     LEFT JOIN "Attribution" a ON a."claimId" = c."id" LEFT JOIN "Person" p ON p."id" = a."personId"
     WHERE c."id" IN (${marks(ids.length)})`,
    ids,
  );
  return new Map(rows.map((r) => [r.id, r]));
}
