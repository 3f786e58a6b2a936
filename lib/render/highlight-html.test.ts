import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { CodePointIndex } from "../spans/codepoints";
import { highlightParagraphs } from "./highlight";
import { escapeHtml, highlightedHtml, type SpanHighlight } from "./highlight-html";

const render = (text: string, highlights: SpanHighlight[], link = true) => {
  const html = highlightedHtml(highlightParagraphs(new CodePointIndex(text), highlights), { link });
  const { document } = parseHTML(`<!doctype html><html><body><div id="root">${html}</div></body></html>`);
  return { html, root: document.getElementById("root")! };
};
const cps = (s: string) => [...s];

describe("highlightedHtml", () => {
  it("escapes markup in the text so it shows as characters", () => {
    const text = `A <script>alert("x")</script> & <img src=x onerror='y'> end`;
    const { html, root } = render(text, [{ id: "s1", start: 2, end: 10, claimId: "c1", status: "disputed" }]);
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img");
    expect(root.textContent).toBe(text);
    expect(root.querySelectorAll("script, img")).toHaveLength(0);
    expect(root.querySelector("mark")!.textContent).toBe("<script>");
  });

  it("keeps every character of every paragraph, and marks exactly each span", () => {
    const text = "First ‘para’ with\u00a0NBSP — and 👩‍👩‍👧 emoji.\n\nSecond para, café.";
    const spans: SpanHighlight[] = [
      { id: "a", start: 6, end: 12, claimId: "c1", status: "supported" },
      { id: "b", start: 10, end: 30, claimId: "c2", status: "stale" },
    ];
    const { root } = render(text, spans);
    const paragraphs = [...root.querySelectorAll("p")].map((p) => p.textContent);
    expect(paragraphs).toEqual(text.split("\n\n"));
    for (const s of spans) {
      const marked = [...root.querySelectorAll(`mark[data-span-ids~="${s.id}"]`)].map((m) => m.textContent).join("");
      expect(marked).toBe(cps(text).slice(s.start, s.end).join(""));
      expect(root.querySelector(`#span-${s.id}`)).not.toBeNull();
    }
    // Offsets in data-o are code points: each piece starts where its text starts.
    for (const piece of root.querySelectorAll("[data-o]")) {
      const start = Number(piece.getAttribute("data-o"));
      expect(cps(text).slice(start, start + cps(piece.textContent!).length).join("")).toBe(piece.textContent);
    }
    expect(root.querySelector("mark.hl-overlap")).not.toBeNull();
    expect(root.querySelector('mark a[href="/claims/c1"]')).not.toBeNull();
  });

  it("leaves links out when asked, and escapes attribute values", () => {
    const { root } = render("abc def", [{ id: 'x"y', start: 0, end: 3, claimId: "c<1>", status: "unreviewed" }], false);
    expect(root.querySelector("mark a")).toBeNull();
    expect(root.querySelector("mark")!.getAttribute("data-claim-ids")).toBe("c<1>");
    expect(escapeHtml(`<'&">`)).toBe("&lt;&#39;&amp;&quot;&gt;");
  });
});
