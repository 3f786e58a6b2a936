// The verbatim invariant: a span's `exact` is the source text from `start` to `end`
// (code points), and `prefix`/`suffix` are the up-to-32 code points around it.
import { CodePointIndex } from "./codepoints";

/** How many code points of context a span keeps on each side. */
export const CONTEXT_LENGTH = 32;

export type SpanPosition = { start: number; end: number };
export type SpanText = SpanPosition & { exact: string; prefix: string; suffix: string };

/** The span of `index.text` from `start` to `end`, with its context. */
export function spanAt(index: CodePointIndex, start: number, end: number): SpanText {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > index.length) {
    throw new RangeError(`span ${start}..${end} is not a non-empty range inside 0..${index.length}`);
  }
  return {
    start,
    end,
    exact: index.slice(start, end),
    prefix: index.slice(Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: index.slice(end, Math.min(index.length, end + CONTEXT_LENGTH)),
  };
}

export type SpanViolation = {
  field: "start" | "end" | "exact" | "prefix" | "suffix";
  message: string;
};

/** Every way `span` differs from what `index.text` holds at its offsets (empty when it is verbatim). */
export function spanViolations(index: CodePointIndex, span: SpanText): SpanViolation[] {
  const { start, end } = span;
  if (!Number.isInteger(start) || start < 0) {
    return [{ field: "start", message: `start ${start} is not a code-point offset` }];
  }
  if (!Number.isInteger(end) || end <= start || end > index.length) {
    return [{ field: "end", message: `end ${end} is not after start ${start} and within the source's ${index.length} code points` }];
  }
  const expected = spanAt(index, start, end);
  const out: SpanViolation[] = [];
  for (const field of ["exact", "prefix", "suffix"] as const) {
    if (span[field] !== expected[field]) {
      out.push({
        field,
        message: `${field} ${JSON.stringify(span[field])} differs from the source's ${JSON.stringify(expected[field])}`,
      });
    }
  }
  return out;
}
