// citeproc's HTML output, rebuilt from an allowlist. citeproc escapes text, but its
// link wrapping (wrap_url_and_doi) writes the URL into href unescaped: a source URL with
// a `"` could add attributes such as onfocus. So styles render without links, and this
// module re-emits the fragment with every text and attribute escaped here, keeping only
// the elements and attributes citeproc uses, then links the known web addresses itself.
import { parseHTML } from "linkedom";
import { escapeHtml } from "./highlight-html";
import { httpUrl } from "./safe-url";

const ELEMENTS = new Set(["div", "span", "i", "b", "em", "strong", "sup", "sub"]);
const CLASS = /^[A-Za-z0-9 _-]{1,100}$/;
// citeproc's inline styles are single declarations of keywords ("font-variant:small-caps;").
const STYLE = /^(?:\s*[a-z-]+\s*:\s*[a-z-]+\s*;?)+$/;
const ID = /^[a-z0-9-]{1,100}$/;

type Node = { nodeType: number; nodeName: string; textContent: string | null; childNodes: ArrayLike<Node> };
type Element = Node & { getAttribute(name: string): string | null };

function linkify(text: string, urls: string[]): string {
  if (urls.length === 0) return escapeHtml(text);
  let out = "";
  let rest = text;
  for (;;) {
    let best: { at: number; url: string } | null = null;
    for (const url of urls) {
      const at = rest.indexOf(url);
      if (at >= 0 && (!best || at < best.at || (at === best.at && url.length > best.url.length))) best = { at, url };
    }
    if (!best) return out + escapeHtml(rest);
    const href = escapeHtml(best.url);
    out += `${escapeHtml(rest.slice(0, best.at))}<a href="${href}" rel="noopener noreferrer">${href}</a>`;
    rest = rest.slice(best.at + best.url.length);
  }
}

/** The children, with adjacent text nodes joined (the parser splits text at entities). */
function emitChildren(node: Node, urls: string[]): string {
  let out = "";
  let text = "";
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === 3) {
      text += child.textContent ?? "";
      continue;
    }
    out += linkify(text, urls) + emit(child, urls);
    text = "";
  }
  return out + linkify(text, urls);
}

function emit(node: Node, urls: string[]): string {
  if (node.nodeType !== 1) return "";
  const inner = emitChildren(node, urls);
  const name = node.nodeName.toLowerCase();
  if (!ELEMENTS.has(name)) return inner; // unknown element: keep its text, drop the tag
  const el = node as Element;
  const attrs: string[] = [];
  const entry = el.getAttribute("data-csl-entry-id");
  if (entry && ID.test(entry)) attrs.push(` data-csl-entry-id="${escapeHtml(entry)}"`);
  const cls = el.getAttribute("class");
  if (cls && CLASS.test(cls)) attrs.push(` class="${escapeHtml(cls)}"`);
  const style = el.getAttribute("style");
  if (style && STYLE.test(style)) attrs.push(` style="${escapeHtml(style)}"`);
  return `<${name}${attrs.join("")}>${inner}</${name}>`;
}

/**
 * The fragment `html` with only allowlisted markup, every text and attribute escaped,
 * and each occurrence of one of `links` (http(s) addresses only) made a link.
 */
export function safeCitationHtml(html: string, links: (string | null | undefined)[] = []): string {
  const urls = [...new Set(links.map(httpUrl).filter((u): u is string => u !== null))];
  const { document } = parseHTML(`<!doctype html><html><body><div id="root">${html}</div></body></html>`);
  const root = document.getElementById("root") as unknown as Node | null;
  return root ? emitChildren(root, urls) : "";
}
