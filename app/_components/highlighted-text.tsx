import type { Paragraph } from "@/lib/render/highlight";
import { highlightedHtml, type SpanHighlight } from "@/lib/render/highlight-html";

export type { SpanHighlight };

/**
 * Source paragraphs with their spans marked (markup: lib/render/highlight-html.ts).
 * The text goes in as one escaped HTML string, not an element per piece: a source page
 * can hold hundreds of spans, and each element would cost render time and be repeated
 * in the page's RSC payload. Every character of the source is escaped there, so source
 * text can never become markup.
 */
export function HighlightedText({ paragraphs, link, current }: { paragraphs: Paragraph<SpanHighlight>[]; link: boolean; current?: string }) {
  return <div className="source-text" dangerouslySetInnerHTML={{ __html: highlightedHtml(paragraphs, { link, current }) }} />;
}
