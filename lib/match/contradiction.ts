// When two texts about the same thing may say opposite things: one negates what the
// other states ("not", "never", "denied"), they use opposite words ("rose" / "fell"), or
// they give different figures for the same measure ("80 percent" / "60 percent"). A
// signal for the editor, never a verdict: the reason says what differs. Pure.
import { negationsIn, prepare, stem } from "./tokens";

/** Pairs of words that state opposite things; each side as written in a claim. */
const OPPOSITES: [string[], string[]][] = [
  [["rise", "rose", "risen", "rising", "increase", "increased", "grow", "grew", "grown", "growth", "higher", "climb", "climbed", "surge", "surged"],
    ["fall", "fell", "fallen", "falling", "decrease", "decreased", "drop", "dropped", "shrink", "shrank", "decline", "declined", "lower"]],
  [["win", "won"], ["lose", "lost"]],
  [["support", "supported", "supports", "backed", "approve", "approved", "accept", "accepted", "allow", "allowed", "legal"],
    ["oppose", "opposed", "opposes", "reject", "rejected", "refuse", "refused", "ban", "banned", "illegal", "block", "blocked"]],
  [["true", "confirmed", "confirm"], ["false", "denied", "deny", "fake", "hoax"]],
  [["majority"], ["minority"]],
  [["above"], ["below"]],
  [["open", "opened"], ["close", "closed", "shut"]],
];
const SIDE = new Map<string, { pair: number; side: 0 | 1; word: string }>();
OPPOSITES.forEach(([a, b], pair) => {
  for (const w of a) SIDE.set(stem(w), { pair, side: 0, word: w });
  for (const w of b) if (!SIDE.has(stem(w))) SIDE.set(stem(w), { pair, side: 1, word: w });
});

const words = (text: string) => prepare(text).match(/\p{L}+/gu) ?? [];

/** Opposite words: one in each text, the other text without the first one's side. */
function opposite(a: string, b: string): [string, string] | null {
  const sides = (t: string) => words(t).map((w) => ({ w, s: SIDE.get(stem(w)) })).filter((x) => x.s);
  const sa = sides(a);
  const sb = sides(b);
  for (const x of sa) {
    for (const y of sb) {
      if (x.s!.pair !== y.s!.pair || x.s!.side === y.s!.side) continue;
      const bothInA = sa.some((z) => z.s!.pair === x.s!.pair && z.s!.side === y.s!.side);
      const bothInB = sb.some((z) => z.s!.pair === x.s!.pair && z.s!.side === x.s!.side);
      if (!bothInA && !bothInB) return [x.w, y.w];
    }
  }
  return null;
}

/** Percentages in each text, when neither shares one with the other. */
function differentFigures(a: string, b: string): [string, string] | null {
  const pct = (t: string) => [...new Set(prepare(t).match(/\d+(?:\.\d+)?%/g) ?? [])];
  const pa = pct(a);
  const pb = pct(b);
  if (!pa.length || !pb.length || pa.some((x) => pb.includes(x))) return null;
  return [pa[0]!, pb[0]!];
}

export type Contradiction = { kind: "negation" | "opposite" | "figures"; query: string | null; match: string | null };

/** Why `match` may contradict `query`, or null. */
export function contradiction(query: string, match: string): Contradiction | null {
  const nq = negationsIn(query);
  const nm = negationsIn(match);
  if ((nq.length > 0) !== (nm.length > 0)) return { kind: "negation", query: nq[0] ?? null, match: nm[0] ?? null };
  const figures = differentFigures(query, match);
  if (figures) return { kind: "figures", query: figures[0], match: figures[1] };
  const words = opposite(query, match);
  if (words) return { kind: "opposite", query: words[0], match: words[1] };
  return null;
}
