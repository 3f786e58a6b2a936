// Why two claims match, in a sentence a person can check: the same speaker, the
// quantities both state, the words they share, and — when one may contradict the other —
// what differs. Pure.
import type { Contradiction } from "./contradiction";
import { prepare, stem } from "./tokens";

export type MatchFacts = {
  queryText: string;
  matchText: string;
  /** The match's quotes: shared words are named from its text first, then from them. */
  matchQuotes: string;
  /** The match's speaker, when the query has the same one (by id or by naming them). */
  sameSpeaker: string | null;
  /** Tokens both share (stems and quantities). */
  shared: string[];
  contradiction: Contradiction | null;
  /** The cosine similarity of the two sentence vectors, when the claim has one (semantic/). */
  meaning?: number | null;
  /** What the query is, as the reason names it: a text being written, or a stored claim compared. */
  subject?: "text" | "claim";
};

const quantities = (text: string) => new Set(prepare(text).match(/\d+(?:\.\d+)?%?/g) ?? []);

/** A canonical quantity as a person reads it: 29000000 → "29 million", 1500000 → "1.5 million". */
export function readableQuantity(q: string): string {
  const n = Number(q);
  if (!/^\d+$/.test(q) || n < 1_000_000) return q;
  for (const [size, word] of [[1e12, "trillion"], [1e9, "billion"], [1e6, "million"]] as const) {
    if (n >= size) return `${Number((n / size).toFixed(2))} ${word}`;
  }
  return q;
}

/**
 * From this cosine similarity of their sentence vectors on, two texts are said to be close
 * in meaning: on CLEF 2020 task 2 (train and dev), a tweet and the claim it restates have a median
 * of about 0.62, and a tweet and the best-scoring wrong claims about 0.41.
 */
const CLOSE_MEANING = 0.6;

/** Words that say who speaks, not what: shared by most claims, they explain nothing. */
const SAYING = new Set(["said", "say", "says", "told", "tell", "tells", "according", "stated", "claimed", "added"]);

/** Words of `text` whose stem is among `stems`, as written (folded), at most `max`. */
function wordsFor(text: string, stems: string[], max: number): string[] {
  const wanted = new Set(stems.filter((s) => !SAYING.has(s)));
  const out: string[] = [];
  for (const w of prepare(text).match(/\p{L}+/gu) ?? []) {
    if (!SAYING.has(w) && wanted.has(stem(w)) && !out.includes(w)) out.push(w);
    if (out.length === max) break;
  }
  return out;
}

function differs(c: Contradiction, subject: "text" | "claim"): string {
  const q = subject === "claim" ? "the compared claim" : "the new text";
  if (c.kind === "negation") return c.query ? `only ${q} says “${c.query}”` : `only this claim says “${c.match}”`;
  if (c.kind === "figures") return `${q} says ${c.query} where this claim says ${c.match}`;
  return `${q} says “${c.query}” where this claim says “${c.match}”`;
}

export function explainMatch(f: MatchFacts): string {
  const parts: string[] = [];
  if (f.sameSpeaker) parts.push(`same speaker (${f.sameSpeaker})`);
  const q = quantities(f.queryText);
  const both = [...quantities(f.matchText)].filter((n) => q.has(n));
  if (both.length) parts.push(`both say ${both.map(readableQuantity).join(", ")}`);
  const words = wordsFor(`${f.matchText} ${f.matchQuotes}`, f.shared.filter((s) => !/^\d/.test(s)), 6);
  if (words.length) parts.push(`shared words: ${words.map((w) => `“${w}”`).join(", ")}`);
  if (f.meaning != null && f.meaning >= CLOSE_MEANING) parts.push(`${words.length ? "and close" : "close"} in meaning (sentence similarity ${f.meaning.toFixed(2)})`);
  if (f.contradiction) parts.push(`but ${differs(f.contradiction, f.subject ?? "text")}: they may contradict each other`);
  const sentence = parts.join("; ");
  return sentence ? sentence.charAt(0).toUpperCase() + sentence.slice(1) + "." : "Few words in common.";
}
