import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CodePointIndex } from "../spans/codepoints";
import { diffSideHtml } from "../render/diff-html";
import { wordDiff } from "./word-diff";

const cut = (text: string, ranges: { start: number; end: number }[]) => {
  const cps = Array.from(text);
  return cps.filter((_, i) => !ranges.some((r) => i >= r.start && i < r.end)).join("");
};
const slice = (text: string, r: { start: number; end: number }) => Array.from(text).slice(r.start, r.end).join("");

describe("wordDiff", () => {
  it("reports what each side lost and gained, in code points", () => {
    const a = "Peskov 🇷🇺 said the talks were “frank”.";
    const b = "Peskov 🇷🇺 said the talks were “very frank” on Monday.";
    const d = wordDiff(a, b);
    expect(d.unchanged).toBe(false);
    expect(d.removed.map((r) => slice(a, r))).toEqual([]);
    expect(d.added.map((r) => slice(b, r))).toEqual(["very ", " on Monday"]);
    expect(d.addedChars).toBe(15);
  });
  it("keeps what is left when each side's changes are cut out the same (property)", () => {
    const word = fc.constantFrom("Peskov", "said", "80\u00a0percent", "🇰🇿", "café\u0301", "“frank”", "—", "not", " ", "\n", ".");
    const text = fc.array(word, { maxLength: 30 }).map((w) => w.join(" "));
    fc.assert(
      fc.property(text, text, (a, b) => {
        const d = wordDiff(a, b);
        expect(cut(a, d.removed)).toBe(cut(b, d.added));
      }),
    );
  });
  it("is empty for the same text", () => {
    expect(wordDiff("same", "same")).toEqual({ removed: [], added: [], unchanged: true, removedChars: 0, addedChars: 0 });
  });
});

describe("diffSideHtml", () => {
  it("marks changes and claim spans, escaping the text", () => {
    const text = "A <b> said “x”.\nNext 🙂 line.";
    const index = new CodePointIndex(text);
    const html = diffSideHtml(index, "new", [{ start: 12, end: 15 }], [{ claimId: "c1", status: "supported", start: 11, end: 14 }]);
    expect(html).toBe(
      '<p>A &lt;b&gt; said <mark class="hl hl-supported" data-claim-ids="c1"><a href="/claims/c1">“</a></mark><ins><mark class="hl hl-supported" data-claim-ids="c1"><a href="/claims/c1">x”</a></mark></ins><ins>.</ins></p><p>Next 🙂 line.</p>',
    );
  });
});
