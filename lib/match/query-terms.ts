// The terms a text is matched on, in the forms the matching needs: the core's token
// (tokens.ts: a Porter stem, or a canonical quantity such as "80%"), the index terms the
// ClaimMatch index holds for it (its tokenizer stems with the same Porter algorithm — the
// two agree on every word of the seeds and of 3,000 CLEF claims — and cuts "80%" to "80"),
// and the word to send the index, which stems it itself (a stem stemmed again can change:
// "agreed" → "agre" → "agr"). Pure.
import { matchWords } from "./tokens";

export type QueryTerm = {
  /** The core's token: a stem, or a quantity ("80%", "1500000"). */
  token: string;
  /** The index's terms for it (its vocabulary rows). */
  indexTerms: string[];
  /** An FTS5 phrase that matches it. */
  phrase: string;
  /** The word as written (folded), before stemming. */
  word: string;
};

/** A quantity token ("80%", "1500000"): the index holds its digits. */
export const isQuantity = (t: string) => /^\d/.test(t);

/** The distinct terms of `text`, in order of first appearance. */
export function queryTerms(text: string): QueryTerm[] {
  const seen = new Set<string>();
  const out: QueryTerm[] = [];
  for (const { word, token } of matchWords(text)) {
    if (seen.has(token)) continue;
    seen.add(token);
    const indexTerms = isQuantity(token) ? (token.match(/\d+/g) ?? []) : [token];
    const words = isQuantity(token) ? indexTerms : [word];
    out.push({ token, indexTerms, phrase: `"${words.join(" ").replace(/"/g, '""')}"`, word });
  }
  return out;
}
