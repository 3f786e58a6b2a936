// Re-anchoring: where each span of an old revision is in a new one, and how sure that is.
// In order: the word diff between the revisions (a span inside an unchanged stretch moves
// with it); an exact search for the quote, decided by its context when it occurs more
// than once; a fuzzy search (approx-string-match, the bit-parallel matcher Hypothesis
// uses) for a quote whose words changed. A wrong placement is worse than none: ties, short
// quotes and weak fuzzy matches are left orphaned for an editor. Pure; offsets in code points.
import search from "approx-string-match";
import { CodePointIndex } from "../codepoints";
import { CONTEXT_LENGTH } from "../span";
import { contextAgreement, contextAt } from "./context";
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

  const mapped = mapThrough(t.runs, u0, u1);
  if (mapped && t.newIndex.isCodePointBoundary(mapped.start) && t.newIndex.isCodePointBoundary(mapped.end)) return placed(t, span, mapped.start, mapped.end);

  const occurrences: number[] = [];
  for (let i = t.new.indexOf(quote); i !== -1 && occurrences.length < 100; i = t.new.indexOf(quote, i + 1)) occurrences.push(i);
  if (occurrences.length) {
    const best = decide(occurrences.map((at) => ({ start: at, end: at + quote.length })), (c) => contextAgreement(context, t.new, c.start, c.end), expected);
    return best ? placed(t, span, best.start, best.end) : { status: "orphaned" };
  }

  if ([...quote].length < MIN_FUZZY_LENGTH) return { status: "orphaned" };
  const maxErrors = Math.min(64, Math.floor(quote.length * MAX_ERROR_SHARE));
  const matches = search(t.new, quote, maxErrors).map((m) => snap(t, m));
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
