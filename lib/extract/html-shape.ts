// A cheap look at an HTML page's shape before it is parsed. Readability's cost grows
// steeply with nesting: 1,000 nested <div>s take ~5 s and 2,000 ~38 s on this machine
// (npx tsx, 2 cores), while real articles nest a few dozen deep. A page nested deeper
// than MAX_HTML_DEPTH (measured: 256 levels take ~0.3 s) or with more than
// MAX_HTML_ELEMENTS elements is refused before any parsing. Pure.
export const MAX_HTML_DEPTH = 256;
export const MAX_HTML_ELEMENTS = 200_000;

const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "!doctype"]);
// Text-only elements whose content is not markup (a `<div>` inside a script is text).
const RAW = new Set(["script", "style", "textarea", "title", "xmp", "noscript", "iframe", "noembed", "noframes", "plaintext"]);
// Bounded repetitions: the scan stays linear even for "<a<a<a…" with no ">" at all.
const TAG = /<!--[\s\S]*?(?:-->|$)|<(\/?)([A-Za-z!][^\s/<>]{0,64})[^<>]{0,4000}?(\/?)>/g;

// End tags HTML lets a page leave out: a new <p> ends the open <p>, a new <li> the open <li>, …
const SIBLINGS: Record<string, string[]> = {
  p: ["p"], li: ["li"], dt: ["dt", "dd"], dd: ["dt", "dd"], tr: ["tr", "td", "th"], td: ["td", "th"], th: ["td", "th"],
  option: ["option"], thead: ["tbody", "tfoot"], tbody: ["thead", "tbody", "tfoot"], tfoot: ["thead", "tbody"],
};
const CLOSES_P = new Set(["address", "article", "aside", "blockquote", "div", "dl", "fieldset", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "main", "nav", "ol", "pre", "section", "table", "ul"]);

/** Why the page is refused, or null when its shape is fine. */
export function htmlShapeProblem(html: string): string | null {
  const lower = html.toLowerCase();
  const open: string[] = [];
  let elements = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    const [whole, closing, rawName, selfClosing] = m;
    if (whole.startsWith("<!--") || rawName === undefined) continue;
    const name = rawName.toLowerCase();
    if (closing) {
      const at = open.lastIndexOf(name);
      if (at !== -1) open.length = at;
      continue;
    }
    elements++;
    if (elements > MAX_HTML_ELEMENTS) return `the page has more than ${MAX_HTML_ELEMENTS} elements`;
    if (RAW.has(name)) {
      const end = lower.indexOf(`</${name}`, TAG.lastIndex);
      TAG.lastIndex = end === -1 ? html.length : end;
      continue;
    }
    if (VOID.has(name) || selfClosing) continue;
    for (let top = open.at(-1); top !== undefined && (SIBLINGS[name]?.includes(top) || (top === "p" && CLOSES_P.has(name))); top = open.at(-1)) open.pop();
    open.push(name);
    if (open.length > MAX_HTML_DEPTH) return `elements are nested more than ${MAX_HTML_DEPTH} deep`;
  }
  return null;
}
