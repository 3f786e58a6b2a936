import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { pageDate, pageMetadata } from "./page-metadata";

const doc = (head: string, lang = "") => parseHTML(`<!doctype html><html${lang ? ` lang="${lang}"` : ""}><head>${head}</head><body><p>x</p></body></html>`).document as unknown as Document;

describe("pageMetadata", () => {
  it("prefers a NewsArticle's JSON-LD (inside @graph too) to meta tags and <title>", () => {
    const ld = { "@graph": [{ "@type": "WebPage", name: "Not it" }, { "@type": ["NewsArticle"], headline: " Tokayev hosts Putin ", author: [{ name: "A. One" }, "B. Two", { name: "https://x.example/author/3" }], publisher: { name: "TCA" }, datePublished: "2024-11-28T23:30:00-05:00" }] };
    const m = pageMetadata(doc(`<title>T</title><meta property="og:title" content="OG"><script type="application/ld+json">${JSON.stringify(ld)}</script>`, "en"));
    expect(m).toEqual({
      title: { value: "Tokayev hosts Putin", origin: "json-ld" },
      author: { value: "A. One; B. Two", origin: "json-ld" },
      publisher: { value: "TCA", origin: "json-ld" },
      publishedAt: { value: "2024-11-28", origin: "json-ld" }, // the day as written, not shifted to UTC
      language: { value: "en", origin: "html-lang" },
    });
  });
  it("falls back to OpenGraph, article:* and author meta; ignores a broken JSON-LD block and an author given as a URL", () => {
    const m = pageMetadata(
      doc(`<script type="application/ld+json">{broken</script><meta property="og:title" content="OG title"><meta property="og:site_name" content="Site"><meta property="article:author" content="https://facebook.com/x"><meta name="author" content="Jane Roe"><meta property="article:published_time" content="2024-12"><link rel="canonical" href="/a?b=1">`),
      "https://news.example/x",
    );
    expect(m).toEqual({
      title: { value: "OG title", origin: "opengraph" },
      publisher: { value: "Site", origin: "opengraph" },
      author: { value: "Jane Roe", origin: "meta-author" },
      publishedAt: { value: "2024-12", origin: "article-meta" },
      url: { value: "https://news.example/a?b=1", origin: "canonical" },
    });
  });
  it("states nothing a page does not say", () => {
    expect(pageMetadata(doc(""))).toEqual({});
  });
});

describe("pageDate", () => {
  it.each([
    ["2024-12-03", "2024-12-03"],
    ["2024-12-03T10:00:00Z", "2024-12-03"],
    ["2024-12", "2024-12"],
    ["2024-02-30", undefined],
    ["December 3, 2024", undefined],
    [42, undefined],
  ])("%s → %s", (raw, want) => expect(pageDate(raw)).toBe(want));
});
