import fc from "fast-check";
import { parseHTML } from "linkedom";
import { createElement as h, Fragment, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AttributionLine } from "@/app/_components/attribution-line";
import { StatusBadge } from "@/app/_components/status-badge";
import { SearchBox } from "@/app/search/search-box";
import type { SearchHit, SearchResult } from "../search/search-claims";
import type { Segment } from "../search/highlight";
import { searchHref, type SearchParams } from "../search/search-href";
import { sourceLabel } from "../sources/label";
import { searchPageHtml, searchSummary } from "./search-html";

// The page as React elements, as app/search/page.tsx and facet-list.tsx rendered it
// before it became one string (commit 921de0a).
const marked = (segments: Segment[]) => segments.map((s, i) => (s.match ? h("mark", { key: i, className: "match" }, s.text) : h(Fragment, { key: i }, s.text)));

function facetGroup(title: string, name: "status" | "person" | "source", options: { key: string; label: string; count: number; value: string; active: boolean }[], params: SearchParams): ReactNode {
  if (options.length === 0) return null;
  return h("section", { className: "facet", "aria-labelledby": `facet-${name}` }, h("h2", { id: `facet-${name}` }, title), h("ul", null, options.map((o) =>
    h("li", { key: o.key }, o.active
      ? h("a", { href: searchHref(params, { [name]: undefined }), "aria-current": "true", "aria-label": `${o.label}: ${o.count} (remove this filter)` }, h("strong", null, o.label), " ", h("span", { className: "count" }, o.count), " ", h("span", { "aria-hidden": "true" }, "×"))
      : h("a", { href: searchHref(params, { [name]: o.value }), "aria-label": `${o.label}: ${o.count} matching claims` }, o.label, " ", h("span", { className: "count" }, o.count))),
  )));
}

function asElements(params: SearchParams, result: SearchResult | null, error: string | null): string {
  const f = result?.facets;
  return renderToStaticMarkup(h(Fragment, null,
    h("h1", null, "Search"),
    h(SearchBox, { id: "search-page-q", defaultValue: params.q }),
    !params.q ? h("p", { className: "muted" }, "Search claim text, quotes, speakers (under any spelling of their name) and source titles.") : null,
    error ? h("p", { role: "alert" }, error) : null,
    result && f ? h("div", { className: "search-results" },
      h("aside", { className: "facets", "aria-label": "Refine the results" },
        f.capped ? h("p", { className: "muted" }, `Counted over the ${result.total.count.toLocaleString("en")} most recent matches.`) : null,
        facetGroup("Status", "status", f.status.map((s) => ({ key: s.value, label: s.value.charAt(0).toUpperCase() + s.value.slice(1), value: s.value, count: s.count, active: params.status === s.value })), params),
        facetGroup("Speaker", "person", f.person.map((p) => ({ key: p.id, label: p.name, value: p.slug, count: p.count, active: params.person === p.slug || params.person === p.id })), params),
        facetGroup("Source", "source", f.source.map((s) => ({ key: s.id, label: sourceLabel(s), value: s.id, count: s.count, active: params.source === s.id })), params)),
      h("section", { "aria-labelledby": "results-heading" },
        h("h2", { id: "results-heading" }, searchSummary(result)),
        h("ol", { className: "claims" }, result.items.map((c) => h("li", { key: c.id, "data-claim-id": c.id },
          h("div", { className: "byline" }, h(StatusBadge, { status: c.status }), h(AttributionLine, { attribution: c.attribution, publisher: c.source.publisher })),
          h("div", { className: "claim-text" }, h("a", { href: `/claims/${c.id}` }, marked(c.highlights.text))),
          c.highlights.quote.length ? h("p", { className: "quote" }, "“", marked(c.highlights.quote), "”") : null,
          c.highlights.people ? h("p", { className: "byline" }, h("span", null, "Speaker’s names: ", marked(c.highlights.people))) : null,
          h("div", { className: "byline" }, h("span", null, "in ", h("a", { href: `/sources/${c.source.id}` }, c.highlights.source ? marked(c.highlights.source) : sourceLabel(c.source))))))),
        result.nextCursor ? h("p", { className: "pager" }, h("a", { href: searchHref(params, { cursor: result.nextCursor }), rel: "next" }, "Next page →")) : null)) : null,
  ));
}

const dom = (html: string) => parseHTML(`<!doctype html><html><body><div>${html}</div></body></html>`).document.body;
const same = (params: SearchParams, result: SearchResult | null, error: string | null) =>
  expect(dom(searchPageHtml({ params, result, error })).innerHTML).toBe(dom(asElements(params, result, error)).innerHTML);

const HOSTILE = `<script>alert("x")</script> & <img src=x onerror='y'> “quotes”`;
const seg = (text: string, match = false): Segment => ({ text, match });
const hit = (over: Partial<SearchHit> = {}): SearchHit => ({
  id: "c1", status: "supported", text: "Oil exports", asOf: null, createdAt: "2026-01-01T00:00:00.000Z", score: 1,
  highlights: { text: [seg("Oil "), seg("exports", true)], quote: [seg("the "), seg("exports", true)], people: null, source: null },
  attribution: { kind: "direct", role: "Kremlin spokesman", person: { id: "p1", name: "Dmitry Peskov", slug: "dmitry-peskov" } },
  source: { id: "s1", title: "The Times", publisher: "TCA", publishedAt: "2024-05-01" },
  ...over,
});
const result = (items: SearchHit[], over: Partial<SearchResult> = {}): SearchResult => ({
  q: "exports", items, total: { count: items.length, capped: false }, nextCursor: null,
  facets: { capped: false, status: [{ value: "supported", count: 2 }], person: [{ value: "p1", id: "p1", name: "Dmitry Peskov", slug: "dmitry-peskov", count: 1 }], source: [{ value: "s1", id: "s1", title: null, publisher: null, publishedAt: null, count: 2 }] },
  ...over,
});

describe("searchPageHtml", () => {
  it("is the markup React rendered: empty page, error, results with every optional part", () => {
    same({ q: "" }, null, null);
    same({ q: "x", cursor: "bad" }, null, "The cursor is not valid.");
    same({ q: "exports", status: "supported", person: "dmitry-peskov" }, result([
      hit(),
      hit({ id: "c2", attribution: null, highlights: { text: [seg("T")], quote: [], people: [seg("Peskov", true)], source: [seg("Times", true)] } }),
      hit({ id: "c3", attribution: { kind: "publication", role: null, person: null }, source: { id: "s2", title: null, publisher: null, publishedAt: null } }),
      hit({ id: "c4", attribution: { kind: "indirect", role: null, person: null } }),
    ], { total: { count: 500, capped: true }, nextCursor: "abc", facets: { ...result([]).facets, capped: true } }), null);
  });

  it("is the markup React rendered for any text, hostile or not", () => {
    const text = fc.oneof(fc.string(), fc.constant(HOSTILE), fc.string({ unit: "grapheme" }));
    const segments = fc.array(fc.record({ text: text.filter((t) => t.length > 0), match: fc.boolean() }), { maxLength: 4 });
    fc.assert(
      fc.property(text, segments, text, fc.option(text, { nil: null }), fc.option(text, { nil: null }), (q, segs, name, role, publisher) => {
        const params = { q: q.trim() };
        const items = [hit({ highlights: { text: segs, quote: segs, people: segs.length ? segs : null, source: null }, attribution: { kind: "direct", role, person: { id: "p", name, slug: "s" } }, source: { id: "s1", title: null, publisher, publishedAt: null } })];
        same(params, result(items, { q: params.q }), params.q ? null : name);
      }),
      { numRuns: 200 },
    );
  });

  it("keeps hostile text as text", () => {
    const root = dom(searchPageHtml({ params: { q: HOSTILE }, result: result([hit({ highlights: { text: [seg(HOSTILE, true)], quote: [], people: null, source: null } })], { q: HOSTILE }), error: null }));
    expect(root.querySelectorAll("script, img")).toHaveLength(0);
    expect(root.querySelector("mark")!.textContent).toBe(HOSTILE);
    expect(root.querySelector("input")!.getAttribute("value")).toBe(HOSTILE);
  });
});
