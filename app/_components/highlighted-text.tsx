import type { Paragraph } from "@/lib/render/highlight";

export type SpanHighlight = { id: string; start: number; end: number; claimId: string; status: string };

/**
 * Renders source paragraphs with their spans marked. Every text piece carries its
 * code-point offset in data-o, so a selection can be turned back into exact offsets. Each span's pieces carry its id in
 * data-span-ids; the first piece is preceded by an anchor #span-<id> to link to.
 * Plain <a>, not next/link: a source can hold hundreds of spans, and each Link adds
 * client-side payload to every page view. `current` marks one span (the source page's
 * "previous / next highlight" position) for readers without JavaScript.
 */
export function HighlightedText({ paragraphs, link, current }: { paragraphs: Paragraph<SpanHighlight>[]; link: boolean; current?: string }) {
  return (
    <div className="source-text">
      {paragraphs.map((p) => (
        <p key={p.start} data-start={p.start}>
          {p.segments.map((s) => {
            if (s.highlights.length === 0) return <span key={s.start} data-o={s.start}>{s.text}</span>;
            const top = s.highlights[0]!;
            const anchors = s.highlights.filter((h) => h.start === s.start);
            const mark = (
              <mark
                data-o={s.start}
                className={`hl hl-${top.status}${s.highlights.length > 1 ? " hl-overlap" : ""}${current && s.highlights.some((h) => h.id === current) ? " hl-current" : ""}`}
                data-span-ids={s.highlights.map((h) => h.id).join(" ")}
                data-claim-ids={s.highlights.map((h) => h.claimId).join(" ")}
              >
                {link ? <a href={`/claims/${top.claimId}`}>{s.text}</a> : s.text}
              </mark>
            );
            return (
              <span key={s.start}>
                {anchors.map((h) => (
                  <span key={h.id} id={`span-${h.id}`} className="anchor" />
                ))}
                {mark}
              </span>
            );
          })}
        </p>
      ))}
    </div>
  );
}
