// Where each metadata field of a source came from (Source.metadataOrigin): the page's
// own markup when it was fetched or pasted as HTML, "editor" once an editor set it.
// A field without an entry was entered with the source. Pure.

export const ORIGIN_LABELS: Record<string, string> = {
  editor: "set by an editor",
  "json-ld": "the page's schema.org JSON-LD",
  opengraph: "the page's OpenGraph tags",
  "article-meta": "the page's article:* meta tags",
  "meta-author": "the page's author meta tag",
  "html-title": "the page's <title>",
  "html-lang": "the page's lang attribute",
  canonical: "the page's canonical link",
  readability: "Readability's reading of the page",
  fetch: "the URL fetched",
  "http-date": "the time the page was fetched",
};

export function parseMetadataOrigin(json: string): Record<string, string> {
  try {
    const v = JSON.parse(json) as unknown;
    if (v === null || typeof v !== "object" || Array.isArray(v)) return {};
    return Object.fromEntries(Object.entries(v).filter((e): e is [string, string] => typeof e[1] === "string"));
  } catch {
    return {};
  }
}
