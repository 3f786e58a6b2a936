import { describe, expect, it } from "vitest";
import { domToText, htmlToText } from "./html-to-text";
import { parseHTML } from "linkedom";

const page = (body: string, head = "<title>A title</title>") =>
  `<!doctype html><html lang="en-GB"><head>${head}</head><body>${body}</body></html>`;

// Long enough that Readability treats it as an article rather than page furniture.
const filler = "The committee met on Tuesday to discuss the budget for the coming year in some detail. ".repeat(4);

describe("htmlToText", () => {
  it("keeps NBSP, curly quotes, dashes, emoji and combining marks exactly", () => {
    const { text } = htmlToText(page(`<article><p>It’s “quoted”&nbsp;— 10\u00a0km, 👍🏽 cafe\u0301 &amp; more.</p><p>${filler}</p></article>`));
    expect(text.startsWith("It’s “quoted”\u00a0— 10\u00a0km, 👍🏽 cafe\u0301 & more.\n\n")).toBe(true);
    expect(text).not.toContain("caf\u00e9"); // never NFC-normalized
  });

  it("keeps escaped markup as literal text and drops scripts and styles", () => {
    const { text } = htmlToText(
      page(`<article><p>Write &lt;script&gt;alert(1)&lt;/script&gt; here.</p><script>evil()</script><style>p{}</style><noscript>nojs</noscript><p>${filler}</p></article>`),
    );
    expect(text).toContain("Write <script>alert(1)</script> here.");
    expect(text).not.toMatch(/evil|p\{\}|nojs/);
  });

  it("separates blocks by a blank line, <br> by a newline, and collapses HTML whitespace only", () => {
    const { text } = htmlToText(page(`<article>\n  <h2>Heading</h2>\n  <p>One\n   two\t three</p>\n<p>Line<br>next   <b>bold</b> end</p><p>${filler}</p></article>`));
    expect(text.split("\n\n").slice(0, 3)).toEqual(["Heading", "One two three", "Line\nnext bold end"]);
  });

  it("has no leading or trailing whitespace, but keeps an NBSP at the edges", () => {
    expect(htmlToText("  \n<p>  hi  </p>\n ").text).toBe("hi");
    expect(htmlToText("<p>\u00a0hi\u00a0</p>").text).toBe("\u00a0hi\u00a0");
  });

  it("keeps <pre> whitespace (minus the newline after the tag)", () => {
    const { text } = htmlToText(page(`<article><p>${filler}</p><pre>\n  a   b\n\tc</pre><p>after</p></article>`));
    expect(text).toContain("\n\n  a   b\n\tc\n\nafter");
  });

  it("puts table rows on their own lines and cells apart by a tab", () => {
    const { document } = parseHTML("<html><body><table><tr><th>Year</th><td>2024</td></tr><tr><th>Total</th><td>5\u00a0000</td></tr></table></body></html>");
    expect(domToText(document.body as unknown as Node)).toBe("Year\t2024\n\nTotal\t5\u00a0000");
  });

  it("falls back to the page when Readability finds no article, and never throws on fragments", () => {
    expect(htmlToText("<p>just <i>one</i>   para</p>").text).toBe("just one para");
    expect(htmlToText("").text).toBe("");
    expect(htmlToText("<script>x()</script>").text).toBe("");
    expect(htmlToText("<html><p>y</p></html>").text).toBe("y");
  });

  it("is stable on plain paragraphs: extracting the rendered text again gives the same text", () => {
    const first = htmlToText(page(`<article><p>Alpha’s point.</p><p>${filler.trim()}</p><p>Omega\u00a0end.</p></article>`)).text;
    const again = htmlToText(page(`<article>${first.split("\n\n").map((p) => `<p>${p}</p>`).join("")}</article>`)).text;
    expect(again).toBe(first);
  });

  it("returns the metadata Readability found, only when present", () => {
    const head = `<title>Budget talks</title><meta property="og:site_name" content="The Herald"><meta name="author" content="Jane Doe"><meta property="article:published_time" content="2024-12-03T10:00:00+05:00">`;
    const { metadata } = htmlToText(page(`<article><p>${filler}</p></article>`, head));
    expect(metadata).toEqual({
      title: "Budget talks",
      byline: "Jane Doe",
      siteName: "The Herald",
      lang: "en-GB",
      publishedTime: "2024-12-03T10:00:00+05:00",
    });
    expect(htmlToText("<p>no metadata</p>").metadata).toEqual({});
  });
});

describe("domToText on deep pages", () => {
  it("walks a very deeply nested page without overflowing the stack", () => {
    const depth = 20_000;
    const { document } = parseHTML(`<html><body>${"<span>".repeat(depth)}deep${"</span>".repeat(depth)}<p>end</p></body></html>`);
    expect(domToText(document.body as unknown as Node)).toBe("deep\n\nend");
  });
});
