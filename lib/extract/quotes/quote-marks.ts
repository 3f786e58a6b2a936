// Pairs quotation marks into quotations. Only double marks delimit a quotation: single
// curly marks are apostrophes far more often than quotes (Kazakhstan’s), so a single-quoted
// passage stays inside its double-quoted one as nested text. A quotation still open at the
// end of a paragraph continues when the next paragraph opens with a mark, the news
// convention for a quote that runs over several paragraphs.
import { trim, type Range } from "./text";

export type QuoteSegment = {
  /** Offset of the opening mark. */
  open: number;
  /** Offset of the closing mark, or null when the paragraph ended first. */
  close: number | null;
  /** The quoted words, without the marks, surrounding whitespace or a trailing comma. */
  inner: Range;
  paragraph: number;
};

export type Quotation = { segments: QuoteSegment[] };

const OPENERS = new Set(["“", "„", "«"]);
const CLOSERS = new Set(["”", "»"]);
const BEFORE_STRAIGHT_OPEN = /[\s([{—–\-/:;,]/u;

function innerOf(text: string, from: number, to: number): Range {
  const r = trim(text, { start: from, end: to });
  return trim(text, r, /[\s,;:]/u);
}

/** Length of a straight double mark at i: `"`, or two apostrophes `''` as some archives write it. */
export function straightMarkAt(text: string, i: number): number {
  if (text[i] === '"') return 1;
  return text[i] === "'" && text[i + 1] === "'" ? 2 : 0;
}

function segmentsOf(text: string, para: Range, index: number): QuoteSegment[] {
  const out: QuoteSegment[] = [];
  let open: number | null = null;
  let openLength = 1;
  for (let i = para.start; i < para.end; i++) {
    const c = text[i]!;
    const straight = straightMarkAt(text, i);
    if (open === null) {
      const prev = i > para.start ? text[i - 1]! : " ";
      if (OPENERS.has(c) || (straight && (BEFORE_STRAIGHT_OPEN.test(prev) || OPENERS.has(prev)))) {
        open = i;
        openLength = straight || 1;
        i += openLength - 1;
      }
    } else if (CLOSERS.has(c) || straight) {
      out.push({ open, close: i, inner: innerOf(text, open + openLength, i), paragraph: index });
      open = null;
      i += (straight || 1) - 1;
    }
  }
  if (open !== null) out.push({ open, close: null, inner: innerOf(text, open + openLength, para.end), paragraph: index });
  return out.filter((s) => s.inner.end > s.inner.start);
}

/** Every quotation of the text, in reading order. */
export function quotations(text: string, paras: Range[]): Quotation[] {
  const out: Quotation[] = [];
  let running: Quotation | null = null;
  paras.forEach((para, index) => {
    const segs = segmentsOf(text, para, index);
    segs.forEach((seg, k) => {
      if (running && k === 0 && seg.open === para.start) running.segments.push(seg);
      else {
        running = { segments: [seg] };
        out.push(running);
      }
    });
    const last = segs.at(-1);
    running = last && last.close === null && running ? running : null;
  });
  return out;
}
