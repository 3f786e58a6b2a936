// The source page's list of its claims as one HTML string, for the reason given in
// highlight-html.ts: a source with 200 claims made 2,000 React elements, each rendered
// and repeated in the page's embedded RSC payload. Pure: the markup is exactly what the
// page rendered as elements (StatusBadge, the claim's link, one ¶ link per span).
import { STATUS_LABEL } from "../claims/status-label";
import { escapeHtml } from "./highlight-html";

export type ListedClaim = { id: string; text: string; status: string; sourceChanged?: boolean; spans: { id: string }[] };

/** The class list of a status badge (StatusBadge and claimListHtml). */
export const statusBadgeClass = (status: string) => `badge badge-${status}`;

const label = (status: string) => STATUS_LABEL[status as keyof typeof STATUS_LABEL] ?? status;

/** A status badge, as StatusBadge renders it: the verdict in colour and in words. */
export const statusBadgeHtml = (status: string) =>
  `<span class="${escapeHtml(statusBadgeClass(status))}" data-status="${escapeHtml(status)}">${escapeHtml(label(status))}</span>`;

/** One <li> per claim, for an <ol>: its status, its text linking to its page, and a link to each of its quotes. */
export function claimListHtml(claims: readonly ListedClaim[]): string {
  let out = "";
  for (const c of claims) {
    const id = escapeHtml(c.id);
    const text = escapeHtml(c.text);
    out += `<li data-claim-id="${id}">${statusBadgeHtml(c.status)} <a href="/claims/${id}">${text}</a> ${c.sourceChanged ? '<span class="badge badge-changed">source changed</span> ' : ""}`;
    c.spans.forEach((s, i) => {
      const which = c.spans.length > 1 ? ` ${i + 1} of ${c.spans.length}` : "";
      out += `<a href="#span-${escapeHtml(s.id)}" class="to-span" aria-label="Show quote${which} of: ${text}">¶</a>`;
    });
    out += "</li>";
  }
  return out;
}
