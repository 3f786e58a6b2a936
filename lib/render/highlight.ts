// Splits a source text into paragraphs and highlight segments for rendering. Pure:
// offsets are code points; the output's text pieces concatenate back to the source
// (minus the line breaks between paragraphs), so what is highlighted is what is stored.
import type { CodePointIndex } from "../spans/codepoints";

export type Range = { start: number; end: number };
export type Highlight = Range & { id: string };
export type Segment<H extends Highlight> = Range & { text: string; highlights: H[] };
export type Paragraph<H extends Highlight> = Range & { segments: Segment<H>[] };

/** Non-empty lines of the text, as code-point ranges without their line breaks. */
export function paragraphRanges(index: CodePointIndex): Range[] {
  const out: Range[] = [];
  const text = index.text;
  const breaks = /\r\n|\r|\n/g;
  let lineStart = 0;
  const push = (from: number, to: number) => {
    if (to > from) out.push({ start: index.toCodePoint(from), end: index.toCodePoint(to) });
  };
  for (let m = breaks.exec(text); m; m = breaks.exec(text)) {
    push(lineStart, m.index);
    lineStart = m.index + m[0].length;
  }
  push(lineStart, text.length);
  return out;
}

/** Cuts `range` at every highlight boundary inside it; each piece lists the highlights covering it. */
export function segment<H extends Highlight>(index: CodePointIndex, range: Range, highlights: H[]): Segment<H>[] {
  const inside = highlights.filter((h) => h.start < range.end && h.end > range.start);
  const cuts = new Set([range.start, range.end]);
  for (const h of inside) {
    if (h.start > range.start) cuts.add(h.start);
    if (h.end < range.end) cuts.add(h.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment<H>[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    out.push({
      start,
      end,
      text: index.slice(start, end),
      // innermost (shortest) first: it is the one a click on the overlap should open
      highlights: inside.filter((h) => h.start <= start && h.end >= end).sort((a, b) => a.end - a.start - (b.end - b.start)),
    });
  }
  return out;
}

/** Every paragraph of the text, segmented by the highlights. */
export function highlightParagraphs<H extends Highlight>(index: CodePointIndex, highlights: H[]): Paragraph<H>[] {
  return paragraphRanges(index).map((p) => ({ ...p, segments: segment(index, p, highlights) }));
}

/** Only the paragraphs that contain part of a highlight (the context of a quote). */
export function paragraphsAround<H extends Highlight>(index: CodePointIndex, highlights: H[]): Paragraph<H>[] {
  return highlightParagraphs(index, highlights).filter((p) => p.segments.some((s) => s.highlights.length > 0));
}
