// Where each metadata field of a source came from (Source.metadataOrigin): the page's
// own markup when it was fetched or pasted as HTML, "editor" once an editor set it.
// A field without an entry was entered with the source. Pure.

const ORIGIN_LABELS: Record<string, string> = {
  editor: "set by an editor",
  "json-ld": "from the page's schema.org JSON-LD",
  opengraph: "from the page's OpenGraph tags",
  "article-meta": "from the page's article:* meta tags",
  "meta-author": "from the page's author meta tag",
  "html-title": "from the page's <title>",
  "html-lang": "from the page's lang attribute",
  canonical: "from the page's canonical link",
  readability: "from Readability's reading of the page",
};

/** Where a field's value came from, in words ("from the page's canonical link", "set by an editor"). */
export function originLabel(field: string, origin: string): string {
  if (origin === "fetch") return field === "retrievedAt" ? "when Verbatim fetched the page" : "the address Verbatim fetched";
  return ORIGIN_LABELS[origin] ?? `from ${origin}`;
}

export function parseMetadataOrigin(json: string): Record<string, string> {
  try {
    const v = JSON.parse(json) as unknown;
    if (v === null || typeof v !== "object" || Array.isArray(v)) return {};
    return Object.fromEntries(Object.entries(v).filter((e): e is [string, string] => typeof e[1] === "string"));
  } catch {
    return {};
  }
}
