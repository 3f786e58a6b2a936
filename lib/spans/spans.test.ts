import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CodePointIndex, cpLength, isWellFormed } from "./codepoints";
import { locateQuote } from "./locate";
import { CONTEXT_LENGTH, spanAt, spanViolations } from "./span";

// Characters that break naive offset handling: astral emoji (two UTF-16 units), a
// ZWJ sequence, combining marks, NBSP, CRLF, curly quotes, em-dash, RTL text.
const tricky = [
  "🙂", "👩‍👩‍👧", "🇰🇿", "e\u0301", "\u0301", "\u00a0", "\r\n", "\r", "\n", "’", "‘", "“", "”", "—",
  "Toqaev", "detials", "a", "b", " ", "ё", "ش", "𝔘",
];
const textArb = fc.array(fc.oneof(fc.constantFrom(...tricky), fc.string({ unit: "grapheme", maxLength: 4 })), { maxLength: 60 }).map((parts) => parts.join(""));

describe("CodePointIndex", () => {
  it("counts code points, not UTF-16 units", () => {
    expect(cpLength("a🙂b")).toBe(3);
    expect(new CodePointIndex("a🙂b").slice(1, 2)).toBe("🙂");
    expect(cpLength("e\u0301")).toBe(2);
    expect(cpLength("\r\n")).toBe(2);
  });

  it("round-trips every code-point offset", () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const index = new CodePointIndex(text);
        expect(index.length).toBe(Array.from(text).length);
        for (let cp = 0; cp <= index.length; cp++) expect(index.toCodePoint(index.toUnit(cp))).toBe(cp);
        expect(index.slice(0, index.length)).toBe(text);
      }),
    );
  });

  it("rejects offsets outside the text", () => {
    expect(() => new CodePointIndex("ab").toUnit(3)).toThrow(RangeError);
  });

  it("detects unpaired surrogates", () => {
    expect(isWellFormed("a🙂")).toBe(true);
    expect(isWellFormed("a\ud83d")).toBe(false);
    expect(isWellFormed("\ude42b")).toBe(false);
  });
});

describe("spanAt / spanViolations (the verbatim invariant)", () => {
  const spanArb = textArb
    .filter((t) => cpLength(t) > 0)
    .chain((text) => {
      const n = cpLength(text);
      return fc.tuple(fc.constant(text), fc.integer({ min: 0, max: n - 1 })).chain(([t, s]) =>
        fc.tuple(fc.constant(t), fc.constant(s), fc.integer({ min: s + 1, max: n })),
      );
    });

  it("a span built from offsets satisfies the invariant, with ≤32 code points of context", () => {
    fc.assert(
      fc.property(spanArb, ([text, start, end]) => {
        const index = new CodePointIndex(text);
        const span = spanAt(index, start, end);
        expect(spanViolations(index, span)).toEqual([]);
        expect(Array.from(text).slice(start, end).join("")).toBe(span.exact);
        expect(cpLength(span.prefix)).toBe(Math.min(CONTEXT_LENGTH, start));
        expect(cpLength(span.suffix)).toBe(Math.min(CONTEXT_LENGTH, index.length - end));
        expect(text.endsWith(span.suffix, index.toUnit(Math.min(index.length, end + CONTEXT_LENGTH)))).toBe(true);
      }),
    );
  });

  it("any one-character change to exact, prefix or suffix is a violation", () => {
    fc.assert(
      fc.property(spanArb, fc.constantFrom("exact", "prefix", "suffix") , fc.constantFrom("x", "’", "\u00a0", "🙂"), ([text, start, end], field, extra) => {
        const index = new CodePointIndex(text);
        const span = { ...spanAt(index, start, end) };
        span[field] = span[field] + extra;
        expect(spanViolations(index, span).map((v) => v.field)).toContain(field);
      }),
    );
  });

  it("shifting offsets by one is a violation unless the text repeats", () => {
    const index = new CodePointIndex("ab🙂cd");
    const span = spanAt(index, 2, 3);
    expect(span.exact).toBe("🙂");
    expect(spanViolations(index, { ...span, start: 1, end: 2 })).not.toEqual([]);
  });

  it("rejects empty and out-of-range offsets", () => {
    const index = new CodePointIndex("abc");
    expect(() => spanAt(index, 1, 1)).toThrow(RangeError);
    expect(() => spanAt(index, 0, 4)).toThrow(RangeError);
    expect(spanViolations(index, { start: 0, end: 9, exact: "abc", prefix: "", suffix: "" })[0]?.field).toBe("end");
  });
});

describe("locateQuote", () => {
  it("finds a quote embedded once in arbitrary tricky text, at code-point offsets", () => {
    fc.assert(
      fc.property(textArb, textArb, (before, after) => {
        const quote = "«UNIQUE quote 🙂 with ’curly’ — and\u00a0NBSP»";
        fc.pre(!before.includes("«") && !after.includes("«"));
        // A combining mark right after the quote would change its last character: skip.
        fc.pre(!/^\p{M}/u.test(after) && !after.startsWith("\u200d"));
        const text = before + quote + after;
        const index = new CodePointIndex(text);
        const res = locateQuote(index, { exact: quote });
        expect(res.ok).toBe(true);
        if (!res.ok) return;
        expect(res.span.start).toBe(cpLength(before));
        expect(res.span.exact).toBe(quote);
        expect(spanViolations(index, res.span)).toEqual([]);
      }),
    );
  });

  it("reports not_found, with typographic near-matches from the source itself", () => {
    const index = new CodePointIndex("Kazakhstan’s regions\u00a0bordering Russia — and more");
    const res = locateQuote(index, { exact: "Kazakhstan's regions bordering Russia - and" });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.reason).toBe("not_found");
    expect(res.candidates).toHaveLength(1);
    expect(res.candidates[0]!.exact).toBe("Kazakhstan’s regions\u00a0bordering Russia — and");
  });

  it("reports ambiguity with every candidate, and prefix, suffix or hint decide", () => {
    const text = "CPC oil. Energy: CPC oil. The end: CPC oil!";
    const index = new CodePointIndex(text);
    const amb = locateQuote(index, { exact: "CPC oil" });
    expect(amb.ok).toBe(false);
    if (!amb.ok) {
      expect(amb.reason).toBe("ambiguous");
      expect(amb.candidates.map((c) => c.start)).toEqual([0, 17, 35]);
    }
    const byPrefix = locateQuote(index, { exact: "CPC oil", prefix: "Energy: " });
    expect(byPrefix.ok && byPrefix.span.start).toBe(17);
    const bySuffix = locateQuote(index, { exact: "CPC oil", suffix: "!" });
    expect(bySuffix.ok && bySuffix.span.start).toBe(35);
    const byHint = locateQuote(index, { exact: "CPC oil", hint: 30 });
    expect(byHint.ok && byHint.span.start).toBe(35);
    const wrongPrefix = locateQuote(index, { exact: "CPC oil", prefix: "nope " });
    expect(!wrongPrefix.ok && wrongPrefix.reason).toBe("not_found");
  });

  it("never matches part of a user-perceived character", () => {
    const index = new CodePointIndex("un cafe\u0301 noir, un cafe noir");
    const res = locateQuote(index, { exact: "cafe" });
    expect(res.ok && res.span.start).toBe(18);
    const emoji = new CodePointIndex("family 👩‍👩‍👧 here");
    expect(locateQuote(emoji, { exact: "👩" }).ok).toBe(false);
    expect(locateQuote(emoji, { exact: "👩‍👩‍👧" }).ok).toBe(true);
  });

  it("keeps CRLF and typos exactly", () => {
    const index = new CodePointIndex("line one\r\nPeskov did not elaborate on the detials.");
    const res = locateQuote(index, { exact: "one\r\nPeskov" });
    expect(res.ok && res.span.start).toBe(5);
    expect(locateQuote(index, { exact: "details" }).ok).toBe(false);
    expect(locateQuote(index, { exact: "detials" }).ok).toBe(true);
  });

  it("rejects empty and malformed quotes", () => {
    const index = new CodePointIndex("abc");
    expect(locateQuote(index, { exact: "" })).toMatchObject({ ok: false, reason: "empty" });
    expect(locateQuote(index, { exact: "\ud83d" })).toMatchObject({ ok: false, reason: "malformed" });
  });
});
