import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CodePointIndex } from "../spans/codepoints";
import { highlightParagraphs, paragraphRanges, paragraphsAround } from "./highlight";

describe("paragraphRanges", () => {
  it("splits on LF, CRLF and CR and drops empty lines", () => {
    const index = new CodePointIndex("One 🙂.\r\n\r\nTwo\u00a0two.\nThree\r  \nFour");
    expect(paragraphRanges(index).map((r) => index.slice(r.start, r.end))).toEqual(["One 🙂.", "Two\u00a0two.", "Three", "  ", "Four"]);
  });
});

describe("highlightParagraphs", () => {
  it("reassembles each paragraph exactly, and each highlight's segments spell its text", () => {
    const textArb = fc.array(fc.constantFrom("a", "🙂", "e\u0301", "\u00a0", "’", "—", " ", "\n", "\r\n", "x"), { minLength: 1, maxLength: 80 }).map((a) => a.join(""));
    fc.assert(
      fc.property(textArb, fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 6 }), (text, pairs) => {
        const index = new CodePointIndex(text);
        const n = index.length;
        fc.pre(n > 1);
        const highlights = pairs
          .map(([a, b], i) => ({ id: `h${i}`, start: Math.min(a % n, b % n), end: Math.max(a % n, b % n) }))
          .filter((h) => h.end > h.start);
        const paragraphs = highlightParagraphs(index, highlights);
        for (const p of paragraphs) expect(p.segments.map((s) => s.text).join("")).toBe(index.slice(p.start, p.end));
        for (const h of highlights) {
          const pieces = paragraphs.flatMap((p) => p.segments).filter((s) => s.highlights.some((x) => x.id === h.id));
          // Line breaks and blank lines are paragraph boundaries, not rendered text.
          const expected = paragraphs
            .filter((p) => p.start < h.end && p.end > h.start)
            .map((p) => index.slice(Math.max(p.start, h.start), Math.min(p.end, h.end)))
            .join("");
          expect(pieces.map((s) => s.text).join("")).toBe(expected);
          if (!/[\r\n]/.test(index.slice(h.start, h.end))) expect(expected).toBe(index.slice(h.start, h.end));
        }
      }),
    );
  });

  it("handles overlapping highlights, innermost first", () => {
    const index = new CodePointIndex("abcdefgh");
    const [p] = highlightParagraphs(index, [
      { id: "outer", start: 1, end: 7 },
      { id: "inner", start: 3, end: 5 },
    ]);
    expect(p!.segments.map((s) => [s.text, s.highlights.map((h) => h.id)])).toEqual([
      ["a", []],
      ["bc", ["outer"]],
      ["de", ["inner", "outer"]],
      ["fg", ["outer"]],
      ["h", []],
    ]);
  });

  it("paragraphsAround keeps only the quote's paragraph", () => {
    const index = new CodePointIndex("First.\nSecond has the quote.\nThird.");
    const out = paragraphsAround(index, [{ id: "q", start: 22, end: 27 }]);
    expect(out).toHaveLength(1);
    expect(out[0]!.segments.find((s) => s.highlights.length)?.text).toBe("quote");
  });
});
