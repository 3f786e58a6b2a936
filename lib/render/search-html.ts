// The search page's content as one HTML string. It is the same markup whether Next
// renders the page (app/search/page.tsx, signed-in users) or the reader server answers
// it before Next (lib/search/search-page.ts, scripts/search-fast-path.mjs): an anonymous
// search is not cacheable, and Next's own handling of a page cost more than the 50 ms
// the search page is allowed at four connections (bench/RESULTS.md, issue 17). Pure:
// the markup is exactly what the page rendered as React elements (search-html.test.ts).
import type { SearchFacets, SearchResult } from "../search/search-claims";
import type { Segment } from "../search/highlight";
import { searchHref, type SearchParams } from "../search/search-href";
import { KIND_LABELS } from "../claims/attribution-label";
import { sourceLabel } from "../sources/label";
import { statusBadgeHtml } from "./claim-list-html";
import { escapeHtml as esc } from "./highlight-html";

/** The search form's wording and bounds (the header's SearchBox uses them too). */
export const SEARCH_BOX = {
  label: "Search claims, quotes, people and sources",
  placeholder: "Search claims, quotes, people…",
  maxLength: 200,
} as const;

export const SEARCH_HINT = "Search claim text, quotes, speakers (under any spelling of their name) and source titles.";

type Attribution = SearchResult["items"][number]["attribution"];

/** The search form, as a plain GET to /search (it works without JavaScript). */
export function searchBoxHtml(id: string, value: string): string {
  return `<form role="search" aria-label="Search claims" class="site-search" action="/search" method="get"><label for="${esc(id)}" class="visually-hidden">${esc(SEARCH_BOX.label)}</label><input id="${esc(id)}" type="search" required="" maxLength="${SEARCH_BOX.maxLength}" placeholder="${esc(SEARCH_BOX.placeholder)}" name="q" value="${esc(value)}"/><button type="submit">Search</button></form>`;
}

/** "Direct quotation — Dmitry Peskov, Kremlin spokesman" (as AttributionLine renders it). */
export function attributionHtml(a: Attribution, publisher: string | null): string {
  if (!a) return `<span class="muted">Attribution unknown</span>`;
  const who = a.person
    ? `<a href="/people/${esc(a.person.slug)}">${esc(a.person.name)}</a>${a.role ? `<span class="role">, ${esc(a.role)}</span>` : ""}`
    : `<span>${publisher === null ? `<span class="unknown">publisher unknown</span>` : esc(publisher)}</span>`;
  return `<span class="attribution" data-kind="${esc(a.kind)}"><span class="kind">${esc(KIND_LABELS[a.kind] ?? a.kind)}</span> — ${who}</span>`;
}

/** Text with its matched words in <mark>. */
const marked = (segments: Segment[]) => segments.map((s) => (s.match ? `<mark class="match">${esc(s.text)}</mark>` : esc(s.text))).join("");

const fmt = (n: number) => n.toLocaleString("en");

export function searchSummary(r: SearchResult): string {
  const { count, capped } = r.total;
  if (count === 0) return `No claims match “${r.q}”.`;
  if (capped) return `More than ${fmt(count)} claims match “${r.q}”; the ${fmt(count)} most recent are ranked.`;
  return `${fmt(count)} ${count === 1 ? "claim matches" : "claims match"} “${r.q}”.`;
}

type Option = { label: string; count: number; value: string; active: boolean };

function facetGroupHtml(title: string, name: "status" | "person" | "source", options: Option[], params: SearchParams): string {
  if (options.length === 0) return "";
  const items = options.map((o) => {
    const link = o.active
      ? // The active value links to the same search without it.
        `<a href="${esc(searchHref(params, { [name]: undefined }))}" aria-current="true" aria-label="${esc(`${o.label}: ${o.count} (remove this filter)`)}"><strong>${esc(o.label)}</strong> <span class="count">${o.count}</span> <span aria-hidden="true">×</span></a>`
      : `<a href="${esc(searchHref(params, { [name]: o.value }))}" aria-label="${esc(`${o.label}: ${o.count} matching claims`)}">${esc(o.label)} <span class="count">${o.count}</span></a>`;
    return `<li>${link}</li>`;
  });
  return `<section class="facet" aria-labelledby="facet-${name}"><h2 id="facet-${name}">${esc(title)}</h2><ul>${items.join("")}</ul></section>`;
}

/** Facet links: each narrows the search to one status, person or source; an active one removes itself. */
export function facetsHtml(facets: SearchFacets, counted: number, params: SearchParams): string {
  const status = facets.status.map((s) => ({
    label: s.value.charAt(0).toUpperCase() + s.value.slice(1), value: s.value, count: s.count, active: params.status === s.value,
  }));
  const person = facets.person.map((p) => ({ label: p.name, value: p.slug, count: p.count, active: params.person === p.slug || params.person === p.id }));
  const source = facets.source.map((s) => ({ label: sourceLabel(s), value: s.id, count: s.count, active: params.source === s.id }));
  return `<aside class="facets" aria-label="Refine the results">${
    facets.capped ? `<p class="muted">Counted over the ${fmt(counted)} most recent matches.</p>` : ""
  }${facetGroupHtml("Status", "status", status, params)}${facetGroupHtml("Speaker", "person", person, params)}${facetGroupHtml("Source", "source", source, params)}</aside>`;
}

function hitHtml(c: SearchResult["items"][number]): string {
  const h = c.highlights;
  return `<li data-claim-id="${esc(c.id)}"><div class="byline">${statusBadgeHtml(c.status)}${attributionHtml(c.attribution, c.source.publisher)}</div><div class="claim-text"><a href="/claims/${esc(c.id)}">${marked(h.text)}</a></div>${
    h.quote.length ? `<p class="quote">“${marked(h.quote)}”</p>` : ""
  }${h.people ? `<p class="byline"><span>Speaker’s names: ${marked(h.people)}</span></p>` : ""}<div class="byline"><span>in <a href="/sources/${esc(c.source.id)}">${
    h.source ? marked(h.source) : esc(sourceLabel(c.source))
  }</a></span></div></li>`;
}

export type SearchPageView = { params: SearchParams; result: SearchResult | null; error: string | null };

/** Everything the search page shows under the site header: heading, form, hint or error, facets, results and pager. */
export function searchPageHtml({ params, result, error }: SearchPageView): string {
  let out = `<h1>Search</h1>${searchBoxHtml("search-page-q", params.q)}`;
  if (!params.q) out += `<p class="muted">${esc(SEARCH_HINT)}</p>`;
  if (error) out += `<p role="alert">${esc(error)}</p>`;
  if (!result) return out;
  const pager = result.nextCursor
    ? `<p class="pager"><a href="${esc(searchHref(params, { cursor: result.nextCursor }))}" rel="next">Next page →</a></p>`
    : "";
  return `${out}<div class="search-results">${facetsHtml(result.facets, result.total.count, params)}<section aria-labelledby="results-heading"><h2 id="results-heading">${esc(
    searchSummary(result),
  )}</h2><ol class="claims">${result.items.map(hitHtml).join("")}</ol>${pager}</section></div>`;
}

/** The page's title (before the site's " · Verbatim"). */
export const searchTitle = (q: string) => (q ? `“${q.slice(0, 60)}” · Search` : "Search");
