// Re-anchoring: where each span of an old revision is in a new one, and how sure that is.
// In order: the word diff between the revisions (a span inside an unchanged stretch moves
// with it); an exact search for the quote, decided by its context when it occurs more
// than once; a fuzzy search (approx-string-match, the bit-parallel matcher Hypothesis
// uses) for a quote whose words changed. A wrong placement is worse than none: ties, short
// quotes and weak fuzzy matches are left orphaned for an editor. Pure; offsets in code points.
import search from "approx-string-match";
import { CodePointIndex } from "../codepoints";
import { CONTEXT_LENGTH } from "../span";
import { contextAgreement, contextAt, type Context } from "./context";
import { equalRuns, expectedPosition, mapThrough, type EqualRun } from "./diff-map";

export type SpanRange = { start: number; end: number };
export type ReanchorStatus = "exact" | "moved" | "changed" | "orphaned";
export type Reanchored = { status: ReanchorStatus; start?: number; end?: number; exact?: string; score?: number };

/** Fuzzy matching needs this many characters of quote, and finds at most this share of them changed. */
const MIN_FUZZY_LENGTH = 12;
const MAX_ERROR_SHARE = 0.25;
const MIN_SCORE = 0.8;

type Texts = { old: string; new: string; oldIndex: CodePointIndex; newIndex: CodePointIndex; runs: EqualRun[] };

export function reanchorSpans(oldText: string, newText: string, spans: SpanRange[]): Reanchored[] {
  const t: Texts = { old: oldText, new: newText, oldIndex: new CodePointIndex(oldText), newIndex: new CodePointIndex(newText), runs: equalRuns(oldText, newText) };
  return spans.map((s) => reanchorOne(t, s));
}

function cpContext(index: CodePointIndex, start: number, end: number) {
  return { prefix: index.slice(Math.max(0, start - CONTEXT_LENGTH), start), suffix: index.slice(end, Math.min(index.length, end + CONTEXT_LENGTH)) };
}

/** A placement of the unchanged quote: `exact` when its 32 code points of context on each side are the same too. */
function placed(t: Texts, span: SpanRange, unitStart: number, unitEnd: number): Reanchored {
  const start = t.newIndex.toCodePoint(unitStart);
  const end = t.newIndex.toCodePoint(unitEnd);
  const was = cpContext(t.oldIndex, span.start, span.end);
  const now = cpContext(t.newIndex, start, end);
  const status = was.prefix === now.prefix && was.suffix === now.suffix ? "exact" : "moved";
  return { status, start, end, exact: t.newIndex.slice(start, end), score: 1 };
}

function reanchorOne(t: Texts, span: SpanRange): Reanchored {
  if (!(span.start >= 0 && span.end > span.start && span.end <= t.oldIndex.length)) return { status: "orphaned" };
  const u0 = t.oldIndex.toUnit(span.start);
  const u1 = t.oldIndex.toUnit(span.end);
  const quote = t.old.slice(u0, u1);
  const context = contextAt(t.old, u0, u1);
  const expected = expectedPosition(t.runs, u0);

  const repeated = t.old.indexOf(quote) !== u0 || t.old.indexOf(quote, u0 + 1) !== -1;
  const mapped = mapThrough(t.runs, u0, u1);
  if (mapped && t.newIndex.isCodePointBoundary(mapped.start) && t.newIndex.isCodePointBoundary(mapped.end)) {
    const carried = placed(t, span, mapped.start, mapped.end);
    // A repeated quote is carried only unchanged around it, and only to the copy that fits best.
    if (!repeated || (carried.status === "exact" && widelyBest(t, u0, u1, quote, mapped.start))) return carried;
    return { status: "orphaned" };
  }

  // Words the old text itself holds more than once: only the diff knows which copy this
  // was, so without it the span is not placed (a copy is not the same place).
  if (repeated) return fuzzyOrOrphan(t, quote, context, expected);
  const occurrences: number[] = [];
  for (let i = t.new.indexOf(quote); i !== -1 && occurrences.length < 100; i = t.new.indexOf(quote, i + 1)) occurrences.push(i);
  if (occurrences.length) {
    const best = decide(occurrences.map((at) => ({ start: at, end: at + quote.length })), (c) => contextAgreement(context, t.new, c.start, c.end), expected);
    if (!best) return { status: "orphaned" };
    // The same words far away while their own place holds an edited version of them (a
    // sentence the article repeats): the edit is the span's fate, not the copy.
    if (Math.abs(best.start - expected) > Math.max(500, quote.length * 4)) {
      const window = { from: Math.max(0, expected - quote.length - 300), to: Math.min(t.new.length, expected + 2 * quote.length + 300) };
      const near = fuzzy(t, quote, context, expected, window);
      if (near.status === "changed") return near;
      // Something like the quote is still at its place, too changed to place: ask, do not pick the copy.
      const errors = Math.floor(quote.length * 0.45);
      if (search(t.new.slice(window.from, window.to), quote, errors).length) return { status: "orphaned" };
    }
    return placed(t, span, best.start, best.end);
  }
  return fuzzy(t, quote, context, expected, { from: 0, to: t.new.length });
}

const WIDE = 400;

/**
 * For words the old text repeats, the diff may pair one copy with another: the mapped
 * place must agree with the old one over 400 characters each side strictly better than
 * any other copy of the words in the new text.
 */
function widelyBest(t: Texts, u0: number, u1: number, quote: string, at: number): boolean {
  const wide = { prefix: t.old.slice(Math.max(0, u0 - WIDE), u0), suffix: t.old.slice(u1, u1 + WIDE) };
  const agreement = (start: number) => {
    const p = t.new.slice(Math.max(0, start - WIDE), start);
    const x = t.new.slice(start + quote.length, start + quote.length + WIDE);
    let a = 0;
    while (a < p.length && a < wide.prefix.length && p[p.length - 1 - a] === wide.prefix[wide.prefix.length - 1 - a]) a++;
    let b = 0;
    while (b < x.length && b < wide.suffix.length && x[b] === wide.suffix[b]) b++;
    return a + b;
  };
  const mine = agreement(at);
  for (let i = t.new.indexOf(quote); i !== -1; i = t.new.indexOf(quote, i + 1)) if (i !== at && agreement(i) >= mine) return false;
  return true;
}

/** A repeated quote that the diff could not carry: its own place may hold an edited version of it. */
function fuzzyOrOrphan(t: Texts, quote: string, context: Context, expected: number): Reanchored {
  const window = { from: Math.max(0, expected - quote.length - 300), to: Math.min(t.new.length, expected + 2 * quote.length + 300) };
  const near = fuzzy(t, quote, context, expected, window);
  return near.status === "changed" && near.exact !== quote ? near : { status: "orphaned" };
}

/** The quote's words changed: the best approximate match within `window`, if it is good and unambiguous. */
function fuzzy(t: Texts, quote: string, context: Context, expected: number, window: { from: number; to: number }): Reanchored {
  if ([...quote].length < MIN_FUZZY_LENGTH) return { status: "orphaned" };
  const maxErrors = Math.min(64, Math.floor(quote.length * MAX_ERROR_SHARE));
  const matches = search(t.new.slice(window.from, window.to), quote, maxErrors).map((m) => snap(t, { ...m, start: m.start + window.from, end: m.end + window.from }));
  const fewest = Math.min(...matches.map((m) => m.errors));
  const best = decide(matches.filter((m) => m.errors === fewest), (c) => contextAgreement(context, t.new, c.start, c.end), expected);
  if (!best) return { status: "orphaned" };
  const score = Math.round((1 - best.errors / quote.length) * 1000) / 1000;
  const agreement = contextAgreement(context, t.new, best.start, best.end);
  if (score < MIN_SCORE && !(score >= 0.7 && agreement >= 16)) return { status: "orphaned" };
  const start = t.newIndex.toCodePoint(best.start);
  const end = t.newIndex.toCodePoint(best.end);
  if (end <= start) return { status: "orphaned" };
  return { status: "changed", start, end, exact: t.newIndex.slice(start, end), score };
}

/**
 * The one candidate the context points to. Equal context on two candidates is a tie,
 * decided by nearness to where the diff expects the span only when one is clearly nearer.
 */
function decide<C extends { start: number; end: number }>(candidates: C[], agreement: (c: C) => number, expected: number): C | null {
  if (candidates.length === 0) return null;
  if (candidates.length === 1) return candidates[0]!;
  const scored = candidates.map((c) => ({ c, a: agreement(c), d: Math.abs(c.start - expected) })).sort((x, y) => y.a - x.a || x.d - y.d);
  const [first, second] = [scored[0]!, scored[1]!];
  if (first.a > second.a) return first.c;
  return second.d > first.d * 4 + 200 ? first.c : null;
}

/** A fuzzy match's ends moved to whole characters (no split surrogate or combining mark) and trimmed of spaces. */
function snap(t: Texts, m: { start: number; end: number; errors: number }) {
  let { start, end } = m;
  while (start > 0 && (!t.newIndex.isCodePointBoundary(start) || /\p{M}/u.test(t.new[start] ?? ""))) start--;
  while (end < t.new.length && (!t.newIndex.isCodePointBoundary(end) || /\p{M}/u.test(t.new[end] ?? ""))) end++;
  while (start < end && /\s/u.test(t.new[start]!)) start++;
  while (end > start && /\s/u.test(t.new[end - 1]!)) end--;
  return { start, end, errors: m.errors };
}
