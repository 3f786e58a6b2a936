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
  if (repeated) {
    // Words the article repeats: the copy whose whole paragraph is unchanged, word for
    // word and at the same place in it, is this span (paragraphs can swap around it).
    const same = sameParagraphCopies(t, u0, u1);
    if (same.length === 1) return placed(t, span, same[0]!, same[0]! + quote.length);
  }
  const mapped = mapThrough(t.runs, u0, u1);
  if (mapped && t.newIndex.isCodePointBoundary(mapped.start) && t.newIndex.isCodePointBoundary(mapped.end)) {
    const carried = placed(t, span, mapped.start, mapped.end);
    // A repeated quote is carried only unchanged around it, and only to the copy that fits best.
    if (!repeated || (carried.status === "exact" && widelyBest(t, u0, u1, quote, mapped.start) && paragraphFollows(t, u0, u1, mapped))) return carried;
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

/** The line(s) holding [u0, u1): from the start of u0's line to the end of u1's. */
function lineAround(text: string, u0: number, u1: number): { start: number; end: number } {
  const start = text.lastIndexOf("\n", u0 - 1) + 1;
  const nl = text.indexOf("\n", u1);
  return { start, end: nl === -1 ? text.length : nl };
}

/**
 * For a repeated quote the diff carried: the first and last characters of its old
 * paragraph went, unchanged, to the first and last of the new paragraph holding it. Two
 * paragraphs that share a sentence and swapped places fail it (the diff pairs the shared
 * words across them), as does a paragraph edited at either end: the span is then left
 * for an editor.
 */
function paragraphFollows(t: Texts, u0: number, u1: number, mapped: { start: number; end: number }): boolean {
  const was = lineAround(t.old, u0, u1);
  const now = lineAround(t.new, mapped.start, mapped.end);
  const first = mapThrough(t.runs, was.start, was.start + 1);
  const last = mapThrough(t.runs, was.end - 1, was.end);
  return first?.start === now.start && last?.end === now.end;
}

/** New offsets of the quote where its whole old paragraph stands unchanged, at the same place within it. */
function sameParagraphCopies(t: Texts, u0: number, u1: number): number[] {
  const quote = t.old.slice(u0, u1);
  const line = lineAround(t.old, u0, u1);
  const paragraph = t.old.slice(line.start, line.end);
  const out: number[] = [];
  for (let i = t.new.indexOf(quote); i !== -1; i = t.new.indexOf(quote, i + 1)) {
    const there = lineAround(t.new, i, i + quote.length);
    if (i - there.start === u0 - line.start && t.new.slice(there.start, there.end) === paragraph) out.push(i);
  }
  return out;
}

/**
 * For words the old text repeats, the diff may pair one copy with another: the mapped
 * place must agree with the old one over 400 characters each side strictly better than
 * any other copy of the words in the new text, and no indistinguishable twin of the old
 * copy may have moved or changed.
 */
function widelyBest(t: Texts, u0: number, u1: number, quote: string, at: number): boolean {
  const wide = { prefix: t.old.slice(Math.max(0, u0 - WIDE), u0), suffix: t.old.slice(u1, u1 + WIDE) };
  const agreement = (text: string, start: number) => {
    const p = text.slice(Math.max(0, start - WIDE), start);
    const x = text.slice(start + quote.length, start + quote.length + WIDE);
    let a = 0;
    while (a < p.length && a < wide.prefix.length && p[p.length - 1 - a] === wide.prefix[wide.prefix.length - 1 - a]) a++;
    let b = 0;
    while (b < x.length && b < wide.suffix.length && x[b] === wide.suffix[b]) b++;
    return a + b;
  };
  const mine = agreement(t.new, at);
  for (let i = t.new.indexOf(quote); i !== -1; i = t.new.indexOf(quote, i + 1)) if (i !== at && agreement(t.new, i) >= mine) return false;
  // A twin in the old text that no one can tell from this copy (as much context agrees
  // around it), and that did not survive unchanged: one of the two moved or changed, and
  // the text cannot say which. Ask rather than guess.
  for (let j = t.old.indexOf(quote); j !== -1; j = t.old.indexOf(quote, j + 1)) {
    if (j !== u0 && agreement(t.old, j) >= mine && mapThrough(t.runs, j, j + quote.length) === null) return false;
  }
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
  const found = decide(matches.filter((m) => m.errors === fewest), (c) => contextAgreement(context, t.new, c.start, c.end), expected);
  if (!found) return { status: "orphaned" };
  const best = wholeWords(t, found, quote, context);
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

const WORD = /[\p{L}\p{N}]/u;
const isWord = (c: string | undefined) => c !== undefined && WORD.test(c);

/** Levenshtein distance (UTF-16 units), for a match whose ends were moved. */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * A quote that began (ended) on a word boundary in the old text begins (ends) on one in
 * the new: a fuzzy match cut inside a reworded word ("gely reliant" for "heavily
 * reliant" → "largely reliant") is widened to the whole word, and its errors recounted.
 */
function wholeWords(t: Texts, m: { start: number; end: number; errors: number }, quote: string, context: Context) {
  let { start, end } = m;
  if (isWord(quote[0]) && !isWord(context.prefix.at(-1))) while (start > 0 && isWord(t.new[start - 1])) start--;
  if (isWord(quote.at(-1)) && !isWord(context.suffix[0])) while (end < t.new.length && isWord(t.new[end])) end++;
  if (start === m.start && end === m.end) return m;
  return { start, end, errors: editDistance(quote, t.new.slice(start, end)) };
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
