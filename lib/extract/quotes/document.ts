// The article as the extractor sees it: paragraphs, quotations, sentences, and each
// sentence's tokens marked as quoted or not.
import { quotations, type Quotation, type QuoteSegment } from "./quote-marks";
import { sentences } from "./sentences";
import { paragraphs, tokenize, type Range, type Token } from "./text";

export type QToken = Token & { quoted: boolean };

export type Sentence = Range & {
  index: number;
  paragraph: number;
  tokens: QToken[];
  /** Quote segments that open in this sentence. */
  segments: QuoteSegment[];
};

export type Doc = {
  text: string;
  paragraphs: Range[];
  quotations: Quotation[];
  sentences: Sentence[];
  chainOf: Map<QuoteSegment, Quotation>;
};

export function readDocument(text: string): Doc {
  const paras = paragraphs(text);
  const quotes = quotations(text, paras);
  const chainOf = new Map<QuoteSegment, Quotation>();
  const segs: QuoteSegment[] = [];
  for (const q of quotes) for (const s of q.segments) { chainOf.set(s, q); segs.push(s); }
  const out: Sentence[] = [];
  paras.forEach((para, p) => {
    const paraSegs = segs.filter((s) => s.paragraph === p);
    const insidePara = (i: number) => paraSegs.some((s) => i > s.open && i < (s.close ?? para.end));
    for (const r of sentences(text, para, insidePara)) {
      const tokens = tokenize(text, r.start, r.end).map((t) => ({
        ...t,
        quoted: paraSegs.some((s) => t.start > s.open && t.start < (s.close ?? para.end)),
      }));
      out.push({ ...r, index: out.length, paragraph: p, tokens, segments: paraSegs.filter((s) => s.open >= r.start && s.open < r.end) });
    }
  });
  return { text, paragraphs: paras, quotations: quotes, sentences: out, chainOf };
}
