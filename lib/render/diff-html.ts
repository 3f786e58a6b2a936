// One side of a revision diff as HTML: the text in paragraphs, what changed on this side
// in <del> (old side) or <ins> (new side), and the claims' spans as highlights linking to
// their claims, on both sides. Pure; every character of the text is escaped.
import type { CodePointIndex } from "../spans/codepoints";
import { paragraphRanges, type Range, segment } from "./highlight";
import { escapeHtml } from "./highlight-html";

type Mark = Range & { id: string; kind: "change" } | Range & { id: string; kind: "claim"; claimId: string; status: string };

/** Changes separated only by white space read as one change (the diff keeps shared spaces apart). */
export function joinAcrossSpaces(index: CodePointIndex, ranges: Range[]): Range[] {
  const out: Range[] = [];
  for (const r of ranges) {
    const last = out.at(-1);
    if (last && /^[ \t\u00a0]*$/u.test(index.slice(last.end, r.start))) last.end = r.end;
    else out.push({ ...r });
  }
  return out;
}

export function diffSideHtml(index: CodePointIndex, side: "old" | "new", changes: Range[], claims: { claimId: string; status: string; start: number; end: number }[]): string {
  const marks: Mark[] = [
    ...joinAcrossSpaces(index, changes).map((c, i) => ({ ...c, id: `c${i}`, kind: "change" as const })),
    ...claims.map((c, i) => ({ ...c, id: `s${i}`, kind: "claim" as const })),
  ];
  const tag = side === "old" ? "del" : "ins";
  let out = "";
  for (const p of paragraphRanges(index)) {
    out += "<p>";
    for (const s of segment(index, p, marks)) {
      let html = escapeHtml(s.text);
      const claim = s.highlights.find((h): h is Extract<Mark, { kind: "claim" }> => h.kind === "claim");
      if (claim) {
        const ids = [...new Set(s.highlights.flatMap((h) => (h.kind === "claim" ? [h.claimId] : [])))].join(" ");
        html = `<mark class="hl hl-${escapeHtml(claim.status)}" data-claim-ids="${escapeHtml(ids)}"><a href="/claims/${encodeURIComponent(claim.claimId)}">${html}</a></mark>`;
      }
      if (s.highlights.some((h) => h.kind === "change")) html = `<${tag}>${html}</${tag}>`;
      out += html;
    }
    out += "</p>";
  }
  return out;
}
