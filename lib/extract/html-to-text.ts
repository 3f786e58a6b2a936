// HTML → the readable article's plain text, as a browser would show it. Pure (no DB).
// Readability (Firefox Reader View) picks the article; we then walk its DOM ourselves
// rather than use `textContent`, which glues paragraphs together and keeps source
// indentation. Only HTML's own whitespace is collapsed: NBSP, curly quotes, dashes,
// emoji and combining marks are visible characters and are kept exactly (no Unicode
// normalization), because claims quote this text verbatim.
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { type PageMetadata, pageMetadata } from "./page-metadata";

/** Metadata Readability found in the page, offered as suggestions (never guessed). */
export type HtmlMetadata = {
  title?: string;
  byline?: string;
  siteName?: string;
  lang?: string;
  publishedTime?: string;
};

/** `page`: what the page's own markup states, each field with where it was found (page-metadata.ts). */
export type ExtractedText = { text: string; metadata: HtmlMetadata; page: PageMetadata; usedReadability: boolean };

// HTML's "ASCII whitespace" (spec: U+0009, U+000A, U+000C, U+000D, U+0020). Not \s: that would eat NBSP.
const HTML_SPACE_RUN = /[ \t\n\f\r]+/g;
const HTML_SPACE_EDGES = /^[ \t\n\f\r]+|[ \t\n\f\r]+$/g;
const TRAILING_SPACE = /[ \t\n\f\r]+$/;

const SKIPPED = new Set(["script", "style", "noscript", "template", "head", "title", "meta", "link", "iframe", "object", "svg", "math"]);
const BLOCKS = new Set([
  "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre",
  "section", "article", "header", "footer", "main", "aside", "nav", "address", "figure", "figcaption",
  "table", "caption", "thead", "tbody", "tfoot", "tr", "hr", "details", "summary", "fieldset", "form", "body",
]);
const CELLS = new Set(["td", "th"]);

/**
 * Accumulates text with browser-like whitespace rules: collapsible spaces and pending
 * breaks. Chunks go into an array (joined once) so a large page stays linear-time.
 */
class TextSink {
  private readonly parts: string[] = [];
  private pendingBreak = ""; // "\n" (a <br>) or "\n\n" (between blocks), written before the next text
  private pendingSpace = false;

  text(raw: string, preformatted: boolean): void {
    if (preformatted) {
      this.emit(raw);
      return;
    }
    const collapsed = raw.replace(HTML_SPACE_RUN, " ");
    const body = collapsed.replace(HTML_SPACE_EDGES, "");
    if (collapsed.startsWith(" ")) this.pendingSpace = true;
    if (body) this.emit(body);
    if (collapsed.endsWith(" ")) this.pendingSpace = true;
  }

  block(): void {
    this.pendingBreak = "\n\n";
    this.pendingSpace = false;
  }

  lineBreak(): void {
    if (this.parts.length === 0) return; // no leading whitespace
    if (this.pendingBreak.length < 2) this.pendingBreak += "\n";
    this.pendingSpace = false;
  }

  cellGap(): void {
    // Like innerText: a tab between the cells of a row, nothing before the first.
    if (this.parts.length > 0 && !this.pendingBreak) this.parts.push("\t");
    this.pendingSpace = false;
  }

  private emit(s: string): void {
    if (s === "") return;
    if (this.parts.length > 0) {
      if (this.pendingBreak) {
        this.trimEnd(); // whitespace left at a line's end (e.g. a <pre>'s last newline) is not shown
        this.parts.push(this.pendingBreak);
      } else if (this.pendingSpace && !/[ \t\n]$/.test(this.parts.at(-1)!)) {
        this.parts.push(" ");
      }
    }
    this.pendingBreak = "";
    this.pendingSpace = false;
    this.parts.push(s);
  }

  private trimEnd(): void {
    while (this.parts.length > 0) {
      const last = this.parts.pop()!.replace(TRAILING_SPACE, "");
      if (last) {
        this.parts.push(last);
        return;
      }
    }
  }

  result(): string {
    return this.parts.join("").replace(HTML_SPACE_EDGES, "");
  }
}

type Step = { node: Node; pre: boolean } | { text: string } | { endBlock: true };

/** Depth-first over the DOM with an explicit stack: a deeply nested page must not overflow the call stack. */
function walk(root: Node, sink: TextSink): void {
  const stack: Step[] = [{ node: root, pre: false }];
  for (let step = stack.pop(); step; step = stack.pop()) {
    if ("endBlock" in step) {
      sink.block();
      continue;
    }
    if ("text" in step) {
      sink.text(step.text, true);
      continue;
    }
    const { node, pre } = step;
    if (node.nodeType === 3 /* TEXT_NODE */) {
      sink.text(node.nodeValue ?? "", pre);
      continue;
    }
    if (node.nodeType !== 1 /* ELEMENT_NODE */ && node.nodeType !== 9 && node.nodeType !== 11) continue;
    const el = node as Element;
    const tag = node.nodeType === 1 ? el.localName.toLowerCase() : "";
    if (SKIPPED.has(tag) || (node.nodeType === 1 && el.hasAttribute("hidden"))) continue;
    if (tag === "br") {
      sink.lineBreak();
      continue;
    }
    if (BLOCKS.has(tag)) {
      sink.block();
      stack.push({ endBlock: true });
    }
    if (CELLS.has(tag)) sink.cellGap();
    const opensPre = tag === "pre" || tag === "textarea" || tag === "listing";
    const children: Step[] = [];
    for (let child = node.firstChild; child; child = child.nextSibling) {
      // The HTML parser drops one newline right after <pre>; linkedom does not, so we do.
      if (opensPre && child === node.firstChild && child.nodeType === 3 && child.nodeValue?.startsWith("\n")) {
        children.push({ text: child.nodeValue.slice(1) });
      } else {
        children.push({ node: child, pre: pre || opensPre });
      }
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}

/** Plain text of a DOM subtree, as a browser renders it (see the module comment). */
export function domToText(root: Node): string {
  const sink = new TextSink();
  walk(root, sink);
  return sink.result();
}

const present = (s: string | null | undefined): string | undefined => {
  const t = s?.replace(HTML_SPACE_EDGES, "");
  return t ? t : undefined;
};

/**
 * linkedom does not build the implied <html>/<head>/<body> of a fragment the way a
 * browser's parser does (its document would have no root), so supply them.
 */
function asDocument(html: string): string {
  const source = html.replace(/\r\n?/g, "\n"); // the HTML spec's input preprocessing (matters inside <pre>)
  if (/<html[\s>]/i.test(source)) return source;
  if (/<(?:head|body)[\s>]/i.test(source)) return `<html>${source}</html>`;
  return `<html><head></head><body>${source}</body></html>`;
}

/** Readability's article, or null when it finds none (or cannot cope with the page). */
function readArticle(source: string) {
  try {
    // Readability mutates its document, so it gets its own parse; `serializer` hands back the DOM node.
    const doc = parseHTML(source).document as unknown as Document;
    return new Readability<Node>(doc, { serializer: (n) => n }).parse();
  } catch {
    return null;
  }
}

/** The readable article text of an HTML document, plus the metadata Readability found. */
export function htmlToText(html: string, pageUrl?: string): ExtractedText {
  const source = asDocument(html);
  const article = readArticle(source);
  const fromArticle = article?.content ? domToText(article.content) : "";
  // Parsed again only when needed: Readability has consumed its own copy of the document.
  let page: Document | undefined;
  const original = () => (page ??= parseHTML(source).document as unknown as Document);
  // No article: the whole page (<head> is skipped by the walker), as the browser shows it.
  const root = fromArticle ? null : original().documentElement;
  const text = fromArticle || (root ? domToText(root) : "");
  const metadata: HtmlMetadata = {};
  const entries: [keyof HtmlMetadata, () => string | null | undefined][] = [
    ["title", () => article?.title || original().title],
    ["byline", () => article?.byline],
    ["siteName", () => article?.siteName],
    ["lang", () => article?.lang || original().documentElement?.getAttribute("lang")],
    ["publishedTime", () => article?.publishedTime],
  ];
  for (const [key, value] of entries) {
    const v = present(value());
    if (v !== undefined) metadata[key] = v;
  }
  return { text, metadata, page: pageMetadata(original(), pageUrl), usedReadability: fromArticle !== "" };
}
