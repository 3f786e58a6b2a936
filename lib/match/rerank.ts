// The second stage of find-similar: the index's candidates (claims sharing the query's
// rarer words, ranked by the index's bm25) re-scored with the core's own tokens. Pure.
//
// Features of each candidate:
//   lexical   BM25 over the core's tokens (quantities canonical, tags split, stems) of the
//             claim's text, its quotes where they differ from it, and its source's title,
//             relative to the best candidate's (idf from the index's term counts; the
//             average length is the candidates');
//   coverage  how much of the query (by idf) the claim states — in its text, quotes,
//             speaker's names or source title;
//   precision how much of the claim's own text the query states (a claim the query
//             contains whole is the same fact or a sub-claim of it);
//   speaker   the same person speaks, or the query names the claim's speaker;
//   semantic  the cosine similarity of the two texts' sentence vectors (semantic/): the
//             same fact in other words. A candidate not yet encoded gets the median of
//             the others', neither pushed up nor down for it.
// The score weighs them (WEIGHTS). Searched on the train split of CLEF 2020 CheckThat!
// task 2 (`npm run eval:match -- --fit`), coverage and precision — and the index's bm25,
// title and text apart, word pairs and character trigrams, tried too — added at most
// 0.004 MAP@5 on train and cost 0.007 on dev, so the score is lexical, plus a bonus for
// the same speaker (CLEF has no speakers: it is not measured there), plus the meaning:
// its weight, 1.5, is the best on train of 0.25–2 (train MAP@5 0.876 → 0.896; dev
// 0.834 → 0.856, in process). Coverage and
// precision still decide when a contradiction is worth flagging (find-similar.ts).
import { matchTokens } from "./tokens";

export type Candidate = {
  /** The index row: rows are added in the order claims are written, so a lower one is older. */
  rowid: number;
  claimId: string;
  personId: string | null;
  text: string;
  quotes: string;
  people: string;
  source: string;
  /** Cosine similarity of the sentence vectors; null when the claim has no current vector. */
  semantic?: number | null;
};
export type Query = { tokens: string[]; personId: string | null; df: Map<string, number>; docs: number };
export type Scored = Candidate & { score: number; shared: string[]; sameSpeaker: boolean; features: Features };
export type Features = { lexical: number; coverage: number; precision: number; speaker: number; semantic: number };

export type Weights = Features;
export const WEIGHTS: Weights = { lexical: 1, coverage: 0, precision: 0, speaker: 0.1, semantic: 1.5 };

/** The middle of the known values (0 when none is known). */
function median(values: number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const idf = (df: number, docs: number) => Math.log(1 + (docs - df + 0.5) / (df + 0.5));
const K1 = 1.2;
const B = 0.75;

/** BM25 of each document's tokens for the query's weighted terms; the average length is the candidates'. */
function bm25(docs: string[][], weight: Map<string, number>): number[] {
  const avg = docs.reduce((s, d) => s + d.length, 0) / Math.max(1, docs.length) || 1;
  return docs.map((d) => {
    const tf = new Map<string, number>();
    for (const t of d) if (weight.has(t)) tf.set(t, (tf.get(t) ?? 0) + 1);
    let s = 0;
    for (const [t, n] of tf) s += (weight.get(t)! * n * (K1 + 1)) / (n + K1 * (1 - B + (B * d.length) / avg));
    return s;
  });
}

export function rerank(query: Query, candidates: Candidate[], weights: Weights = WEIGHTS): Scored[] {
  if (candidates.length === 0) return [];
  const q = [...new Set(query.tokens)];
  const weight = new Map(q.map((t) => [t, idf(query.df.get(t) ?? 0, Math.max(query.docs, 1))]));
  const total = q.reduce((s, t) => s + weight.get(t)!, 0) || 1;
  const qset = new Set(q);
  // Each field tokenized once; the lexical document is the text, the quotes where they
  // differ from it, and the source's title.
  const fields = candidates.map((c) => {
    const text = matchTokens(c.text);
    const quotes = c.quotes === c.text ? [] : matchTokens(c.quotes);
    return { text, quotes, people: c.people ? matchTokens(c.people) : [], source: c.source ? matchTokens(c.source) : [] };
  });
  const lexical = bm25(fields.map((f) => [...f.text, ...f.quotes, ...f.source]), weight);
  const bestLexical = Math.max(...lexical, Number.MIN_VALUE);
  const typicalMeaning = median(candidates.flatMap((c) => (c.semantic == null ? [] : [c.semantic])));
  return candidates
    .map((c, i) => {
      const f = fields[i]!;
      const own = new Set(f.text);
      const names = new Set(f.people);
      const all = new Set([...f.text, ...f.quotes, ...f.people, ...f.source]);
      const shared = q.filter((t) => all.has(t));
      const sameSpeaker = (query.personId !== null && query.personId === c.personId) || q.some((t) => names.has(t));
      const features: Features = {
        lexical: lexical[i]! / bestLexical,
        coverage: shared.reduce((s, t) => s + weight.get(t)!, 0) / total,
        precision: own.size ? [...own].filter((t) => qset.has(t)).length / own.size : 0,
        speaker: sameSpeaker ? 1 : 0,
        semantic: c.semantic ?? typicalMeaning,
      };
      const score = (Object.keys(weights) as (keyof Features)[]).reduce((sum, k) => sum + weights[k] * features[k], 0);
      return { ...c, score, shared, sameSpeaker, features };
    })
    // Equal scores: the older claim first (the one checked before).
    .sort((a, b) => b.score - a.score || a.rowid - b.rowid);
}
