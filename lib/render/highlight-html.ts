// The highlighted source text as one HTML string. A source page can hold hundreds of
// spans; as React elements each piece costs render time and is repeated in the page's
// embedded RSC payload, while one escaped string costs neither. Pure: the markup is
// exactly what HighlightedText rendered as elements (see highlighted-text.tsx).
import type { Paragraph } from "./highlight";

/**
 * A claim's span, or (for editors) a suggested claim's content: status "suggested", no
 * claim id, and `href` to the suggestion in the panel instead of a claim page.
 */
export type SpanHighlight = { id: string; start: number; end: number; claimId: string; status: string; href?: string };

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
/** Source text is data: every character that could start markup is escaped. */
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

// Ids and statuses are generated or validated (lowercase letters, digits, hyphens);
// escaping them too keeps the function safe for any input.
const attr = (s: string | number) => escapeHtml(String(s));

/**
 * Paragraphs with their spans marked. Every text piece carries its code-point offset
 * in data-o (a selection maps back to exact offsets); each span's pieces carry its id
 * in data-span-ids, and an empty anchor #span-<id> precedes its first piece.
 * `current` marks one span as the "previous / next highlight" position.
 */
export function highlightedHtml(paragraphs: Paragraph<SpanHighlight>[], options: { link: boolean; current?: string }): string {
  let out = "";
  for (const p of paragraphs) {
    out += `<p data-start="${p.start}">`;
    for (const s of p.segments) {
      if (s.highlights.length === 0) {
        out += `<span data-o="${s.start}">${escapeHtml(s.text)}</span>`;
        continue;
      }
      const top = s.highlights[0]!;
      for (const h of s.highlights) if (h.start === s.start) out += `<span id="span-${attr(h.id)}" class="anchor"></span>`;
      const classes = `hl hl-${attr(top.status)}${s.highlights.length > 1 ? " hl-overlap" : ""}${
        options.current && s.highlights.some((h) => h.id === options.current) ? " hl-current" : ""
      }`;
      const text = escapeHtml(s.text);
      const claimIds = s.highlights.map((h) => h.claimId).filter(Boolean).join(" ");
      const href = top.href ?? `/claims/${encodeURIComponent(top.claimId)}`;
      out +=
        `<mark data-o="${s.start}" class="${classes}" data-span-ids="${attr(s.highlights.map((h) => h.id).join(" "))}"` +
        `${claimIds ? ` data-claim-ids="${attr(claimIds)}"` : ""}>` +
        `${options.link ? `<a href="${attr(href)}">${text}</a>` : text}</mark>`;
    }
    out += "</p>";
  }
  return out;
}
