import { AppError } from "../errors";
import { CodePointIndex } from "./codepoints";
import { isGraphemeBoundary } from "./graphemes";
import { locateQuote } from "./locate";
import { type SpanText, spanAt } from "./span";

export type SpanRequest = { exact: string; prefix?: string; suffix?: string; hint?: number } | { start: number; end: number };

/**
 * Turns a claim's requested spans (quotes or offsets) into verbatim spans of `text`,
 * in reading order. Fails with 422 naming the span and, for a quote, the candidates.
 */
export function resolveSpans(text: string, requests: SpanRequest[]): SpanText[] {
  const index = new CodePointIndex(text);
  const spans = requests.map((req, i) => {
    if ("exact" in req) {
      const found = locateQuote(index, req);
      if (found.ok) return found.span;
      throw new AppError("unprocessable", `spans.${i}: ${found.message}`, {
        span: i,
        reason: found.reason,
        candidates: found.candidates,
      });
    }
    if (req.end <= req.start || req.end > index.length) {
      throw new AppError("unprocessable", `spans.${i}: offsets ${req.start}..${req.end} are not a non-empty range within the source's ${index.length} code points.`, { span: i, reason: "out_of_range" });
    }
    if (!isGraphemeBoundary(text, index.toUnit(req.start)) || !isGraphemeBoundary(text, index.toUnit(req.end))) {
      throw new AppError("unprocessable", `spans.${i}: offsets ${req.start}..${req.end} split a character (e.g. a letter from its accent).`, { span: i, reason: "splits_character" });
    }
    return spanAt(index, req.start, req.end);
  });
  spans.sort((a, b) => a.start - b.start);
  for (let i = 1; i < spans.length; i++) {
    if (spans[i]!.start < spans[i - 1]!.end) {
      throw new AppError("unprocessable", `The claim's spans overlap at ${spans[i]!.start}; give each part of the quote once.`, { reason: "overlap" });
    }
  }
  return spans;
}
