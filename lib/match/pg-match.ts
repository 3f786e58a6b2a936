// Similar-claim matching on PostgreSQL: its index (prisma/postgres/migrations/*_claim_matching)
// stems with Snowball's English stemmer, not FTS5's Porter, so a text's index terms are
// the database's own stems of its words, asked of it; the core keeps its own tokens for
// re-ranking (rerank.ts). Candidate queries are tsquery texts of those stems, cast (not
// parsed again: a stem stemmed again can change).
import type { ReadDb, Row } from "../db-read";
import { isQuantity, type QueryTerm } from "./query-terms";

/** A stem as a tsquery lexeme. */
export const tsLexeme = (term: string) => `'${term.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;

/** One term's tsquery: all of its index terms (a word the parser cuts in parts has several). */
export const tsTerm = (t: Pick<QueryTerm, "indexTerms">) =>
  t.indexTerms.length === 1 ? tsLexeme(t.indexTerms[0]!) : `(${t.indexTerms.map(tsLexeme).join(" & ")})`;

/** The terms with PostgreSQL's index terms for their words (quantities keep their digits, as the index does). */
export async function withPgIndexTerms(read: ReadDb, terms: QueryTerm[]): Promise<QueryTerm[]> {
  const words = [...new Set(terms.filter((t) => !isQuantity(t.token)).map((t) => t.word))];
  if (words.length === 0) return terms;
  const rows = await read.all<Row & { w: string; terms: string[] | null }>(
    `SELECT w, (SELECT array_agg(x.lexeme ORDER BY x.positions[1], x.lexeme) FROM unnest(to_tsvector('verbatim_match', w)) x) AS "terms"
     FROM unnest(?::text[]) w`,
    [words],
  );
  const stems = new Map(rows.map((r) => [r.w, r.terms ?? []]));
  return terms.map((t) => (isQuantity(t.token) ? t : { ...t, indexTerms: stems.get(t.word) ?? [] }));
}
