import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { graphemeBoundaries, isGraphemeBoundary } from "./graphemes";

// Pieces that join into clusters in every way UAX #29 knows: combining marks, CR LF,
// regional-indicator pairs (flags), emoji ZWJ sequences and variation selectors, Hangul
// jamo, an Indic virama, a prepended Arabic mark, and plain Latin around them.
const PIECES = ["a", "e", " ", ".", "\u0301", "\u0327", "\r", "\n", "\u{1F1EB}", "\u{1F1F7}", "\u{1F469}", "\u200D", "\uFE0F", "\u{1F3FD}", "©",
  "\u1100", "\u1161", "\u11A8", "\uAC00", "\u0915", "\u094D", "\u0937", "\u0600", "\u00A0", "’", "—"];

describe("isGraphemeBoundary", () => {
  it("agrees with segmenting the whole text, at every offset", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (pieces) => {
        const text = pieces.join("");
        const all = graphemeBoundaries(text);
        for (let u = 0; u <= text.length; u++) expect(isGraphemeBoundary(text, u)).toBe(all.has(u));
      }),
      { numRuns: 2000 },
    );
  });
  it("answers plain text without segmenting it, and refuses offsets outside the text", () => {
    expect(isGraphemeBoundary("cafe\u0301", 4)).toBe(false);
    expect(isGraphemeBoundary("cafe\u0301", 5)).toBe(true);
    expect(isGraphemeBoundary("a\r\nb", 2)).toBe(false);
    expect(isGraphemeBoundary("ab", 3)).toBe(false);
  });
});
