import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { suggestClaims } from "./suggest";

// Articles assembled from the pieces that trip extractors: quotes of every kind, tags,
// names with apostrophes and hyphens, NBSP, dashes, emoji and astral letters, newlines.
const piece = fc.constantFrom(
  "“", "”", '"', "''", "‘", "’", " ", "\u00a0", "\n", "\n\n", ". ", ", ", ": ", " — ", "–", "(", ")",
  "said", "says", "told reporters", "according to", "he", "she", "the spokesman", "Peskov", "Dmitry Peskov",
  "Qasym-Zhomart Toqaev", "D'Anieri", "Kremlin spokesman", "that", "believes", "plans to", "the pipeline",
  "80 percent", "on November 12", "🇰🇿", "🙂", "𝐀𝐁", "e\u0301", "We agreed", "to strengthen ties", "Kazakhstan’s",
);
const article = fc.array(piece, { maxLength: 80 }).map((parts) => parts.join(" "));

describe("suggestClaims (property)", () => {
  it("returns only verbatim spans: each exact is the text at its code-point offsets", () => {
    fc.assert(
      fc.property(article, (text) => {
        const cps = Array.from(text);
        for (const s of suggestClaims(text)) {
          expect(s.content.length).toBeGreaterThan(0);
          for (const span of [...s.content, ...(s.speaker ? [s.speaker] : []), ...(s.cue ? [s.cue] : [])]) {
            expect(span.start).toBeGreaterThanOrEqual(0);
            expect(span.end).toBeGreaterThan(span.start);
            expect(span.end).toBeLessThanOrEqual(cps.length);
            expect(cps.slice(span.start, span.end).join("")).toBe(span.exact);
          }
          expect(s.confidence).toBeGreaterThanOrEqual(0);
          expect(s.confidence).toBeLessThanOrEqual(1);
          expect(s.claim.trim().length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 400 },
    );
  });
});
