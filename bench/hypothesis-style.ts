// A matcher in the manner of Hypothesis's client (anchoring/match-quote.ts, read, not
// copied): approx-string-match for the quote with up to half its length in errors, every
// candidate scored by quote similarity, prefix and suffix agreement and nearness to the old
// position (weights 50, 20, 20, 2), the best one taken. No diff, no refusal of ties: the
// baseline the re-anchoring evaluation compares against.
import search from "approx-string-match";
import type { Reanchored } from "../lib/spans/reanchor/reanchor";

const cps = (s: string) => Array.from(s);

function similarity(a: string, b: string): number {
  if (a.length === 0 || b.length === 0) return 0;
  const m = search(b, a, Math.floor(a.length / 2));
  return m.length ? 1 - m[0]!.errors / a.length : 0;
}

export function hypothesisStyle(oldText: string, newText: string, spans: { start: number; end: number }[]): Reanchored[] {
  const old = cps(oldText);
  const unitOf = (cp: string[], i: number) => cp.slice(0, i).join("").length;
  return spans.map((s) => {
    const quote = old.slice(s.start, s.end).join("");
    const prefix = old.slice(Math.max(0, s.start - 32), s.start).join("");
    const suffix = old.slice(s.end, s.end + 32).join("");
    const hint = unitOf(old, s.start);
    const matches = search(newText, quote, Math.min(256, Math.floor(quote.length / 2)));
    if (matches.length === 0) return { status: "orphaned" };
    const scored = matches.map((m) => {
      const q = 1 - m.errors / quote.length;
      const p = similarity(prefix, newText.slice(Math.max(0, m.start - prefix.length), m.start));
      const x = similarity(suffix, newText.slice(m.end, m.end + suffix.length));
      const pos = 1 - Math.abs(m.start - hint) / Math.max(1, newText.length);
      return { m, score: (50 * q + 20 * p + 20 * x + 2 * pos) / 92 };
    }).sort((a, b) => b.score - a.score);
    const best = scored[0]!.m;
    const start = cps(newText.slice(0, best.start)).length;
    const exact = newText.slice(best.start, best.end);
    const end = start + cps(exact).length;
    return { status: exact === quote ? "moved" : "changed", start, end, exact, score: Math.round(scored[0]!.score * 1000) / 1000 };
  });
}
