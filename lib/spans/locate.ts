// Locating a quote in a source: the only way a span is created from text an editor
// typed or pasted. Exactly one position may match; anything else is an error that
// says what was found, so the editor can fix the quote rather than the tool guessing.
import { CodePointIndex, isWellFormed } from "./codepoints";
import { foldCodePoints } from "./fold";
import { isGraphemeBoundary } from "./graphemes";
import { type SpanText, spanAt } from "./span";

export type QuoteSelector = {
  exact: string;
  /** Text expected immediately before the quote (any length; compared verbatim). */
  prefix?: string;
  /** Text expected immediately after the quote. */
  suffix?: string;
  /** Approximate code-point start: the nearest match wins when several remain. */
  hint?: number;
};

export type LocateFailure = {
  reason: "empty" | "malformed" | "not_found" | "ambiguous";
  message: string;
  /** For ambiguous: every position that matched. For not_found: the same words with typographic differences. */
  candidates: SpanText[];
};

export type LocateResult = { ok: true; span: SpanText } | ({ ok: false } & LocateFailure);

const MAX_CANDIDATES = 20;

/** UTF-16 offsets of every occurrence of `needle` in `haystack`, overlapping ones included. */
function occurrences(haystack: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) out.push(i);
  return out;
}

export function locateQuote(index: CodePointIndex, selector: QuoteSelector): LocateResult {
  const { exact, prefix, suffix, hint } = selector;
  const text = index.text;
  if (exact.length === 0) {
    return { ok: false, reason: "empty", message: "The quote is empty.", candidates: [] };
  }
  if (!isWellFormed(exact) || !isWellFormed(prefix ?? "") || !isWellFormed(suffix ?? "")) {
    return { ok: false, reason: "malformed", message: "The quote contains an unpaired surrogate.", candidates: [] };
  }

  const whole = occurrences(text, exact).filter((u) => isGraphemeBoundary(text, u) && isGraphemeBoundary(text, u + exact.length));
  const toSpan = (u: number) => {
    const start = index.toCodePoint(u);
    return spanAt(index, start, start + index.toCodePoint(u + exact.length) - index.toCodePoint(u));
  };

  let matches = whole;
  if (prefix) matches = matches.filter((u) => text.slice(Math.max(0, u - prefix.length), u) === prefix);
  if (suffix) matches = matches.filter((u) => text.startsWith(suffix, u + exact.length));

  if (matches.length > 1 && hint !== undefined) {
    const distance = (u: number) => Math.abs(index.toCodePoint(u) - hint);
    const best = Math.min(...matches.map(distance));
    matches = matches.filter((u) => distance(u) === best);
  }

  if (matches.length === 1) return { ok: true, span: toSpan(matches[0]!) };

  if (matches.length > 1) {
    return {
      ok: false,
      reason: "ambiguous",
      message: `The quote occurs ${matches.length} times in the source; give a prefix, suffix or position to choose one.`,
      candidates: matches.slice(0, MAX_CANDIDATES).map(toSpan),
    };
  }

  if (whole.length > 0) {
    return {
      ok: false,
      reason: "not_found",
      message: "The quote occurs in the source, but not with the given prefix/suffix.",
      candidates: whole.slice(0, MAX_CANDIDATES).map(toSpan),
    };
  }

  const foldedText = new CodePointIndex(foldCodePoints(text));
  const near = occurrences(foldedText.text, foldCodePoints(exact))
    .map((u) => foldedText.toCodePoint(u))
    .slice(0, MAX_CANDIDATES)
    .map((start) => spanAt(index, start, start + Array.from(exact).length));
  return {
    ok: false,
    reason: "not_found",
    message:
      near.length > 0
        ? "The quote is not in the source verbatim; it differs in quotation marks, spaces, dashes or case from the candidates shown."
        : "The quote is not in the source.",
    candidates: near,
  };
}
