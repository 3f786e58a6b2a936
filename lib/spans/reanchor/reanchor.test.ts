import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { reanchorSpans } from "./reanchor";

const cp = (s: string) => Array.from(s);
/** Code-point span of the first occurrence of `quote` in `text`. */
function at(text: string, quote: string, from = 0) {
  const unit = text.indexOf(quote, from);
  if (unit < 0) throw new Error(`not found: ${quote}`);
  const start = cp(text.slice(0, unit)).length;
  return { start, end: start + cp(quote).length };
}
const sliceCp = (text: string, r: { start?: number; end?: number }) => cp(text).slice(r.start, r.end).join("");

const OLD = [
  "Kazakh President Qasym-Zhomart Toqaev met Putin in Moscow on November 12.",
  "“We agreed to strengthen our partnership in oil, coal and electricity,” Toqaev said.",
  "Kazakhstan relies on the CPC pipeline to export more than 80 percent of its oil.",
  "Peskov did not elaborate on the detials of the talks. 🇰🇿 The café́ stayed open.",
].join("\n");

describe("reanchorSpans", () => {
  it("keeps every span exact when the text did not change", () => {
    const spans = [at(OLD, "We agreed"), at(OLD, "80 percent"), at(OLD, "café́ stayed")];
    expect(reanchorSpans(OLD, OLD, spans).map((r) => r.status)).toEqual(["exact", "exact", "exact"]);
  });

  it("carries a span with its paragraph: `exact` when its 32 characters of context each side are unchanged, `moved` when not", () => {
    const lines = OLD.split("\n");
    const NEW = [lines[2], lines[0], lines[1], "Added: a new paragraph.", lines[3]].join("\n");
    const [inside, opening] = reanchorSpans(OLD, NEW, [at(OLD, "strengthen our partnership in oil"), at(OLD, "Peskov did not elaborate")]);
    expect(inside).toMatchObject({ status: "exact", exact: "strengthen our partnership in oil" });
    expect(sliceCp(NEW, inside!)).toBe("strengthen our partnership in oil");
    expect(opening).toMatchObject({ status: "moved", exact: "Peskov did not elaborate" });
    expect(sliceCp(NEW, opening!)).toBe("Peskov did not elaborate");
  });

  it("finds a quote whose words changed a little as `changed`, with the new words and a score", () => {
    const NEW = OLD.replace("more than 80 percent", "more than 85 percent");
    const [r] = reanchorSpans(OLD, NEW, [at(OLD, "export more than 80 percent of its oil")]);
    expect(r).toMatchObject({ status: "changed", exact: "export more than 85 percent of its oil" });
    expect(r!.score).toBeGreaterThan(0.9);
    expect(sliceCp(NEW, r!)).toBe(r!.exact);
  });

  it("flags a quote whose typographic marks were swapped as changed, never as exact", () => {
    const NEW = OLD.replace("“We agreed", '"We agreed').replace("electricity,”", 'electricity,"');
    const [r] = reanchorSpans(OLD, NEW, [at(OLD, "“We agreed to strengthen our partnership in oil, coal and electricity,”")]);
    expect(r!.status).toBe("changed");
    expect(r!.exact).toBe('"We agreed to strengthen our partnership in oil, coal and electricity,"');
  });

  it("orphans a deleted sentence, a rewritten one, and a short quote it cannot place for sure", () => {
    const NEW = OLD.replace("Kazakhstan relies on the CPC pipeline to export more than 80 percent of its oil.\n", "")
      .replace("We agreed to strengthen our partnership in oil, coal and electricity", "Talks covered energy");
    const spans = [at(OLD, "relies on the CPC pipeline"), at(OLD, "We agreed to strengthen our partnership")];
    expect(reanchorSpans(OLD, NEW, spans).map((r) => r.status)).toEqual(["orphaned", "orphaned"]);
  });

  it("does not guess between two equal occurrences of a quote", () => {
    const before = "The minister said yes. Later, in another city, the minister said yes.";
    const after = "The minister said yes. Elsewhere, the minister said yes. Again: the minister said yes.";
    const [r] = reanchorSpans(before, after, [at(before, "the minister said yes", 30)]);
    expect(r!.status === "orphaned" || sliceCp(after, r!) === "the minister said yes").toBe(true);
  });

  it("never carries a quote the article repeats to its other copy when its own place was deleted or edited", () => {
    const summary = "Kazakhstan remains heavily reliant on oil exports through the CPC pipeline.";
    const before = [summary, "Putin visited Astana on November 27.", `Energy was central. ${summary}`].join("\n");
    const deleted = ["Putin visited Astana on November 27.", `Energy was central. ${summary}`].join("\n");
    const edited = [summary.replace("heavily", "somewhat"), "Putin visited Astana on November 27.", `Energy was central. ${summary}`].join("\n");
    const first = at(before, "remains heavily reliant on oil exports");
    expect(reanchorSpans(before, deleted, [first])[0]!.status).toBe("orphaned");
    const r = reanchorSpans(before, edited, [first])[0]!;
    expect(r.status === "orphaned" || (r.status === "changed" && r.exact!.includes("somewhat"))).toBe(true);
  });

  it("follows a repeated sentence with its own paragraph when two paragraphs that share it swap places", () => {
    const shared = "Kazakhstan remains heavily reliant on oil exports through the CPC pipeline, which passes through southern Russia.";
    const long = `Energy security remained a central focus during the visit. ${shared}`;
    const before = [long, "Putin visited Astana on November 27.", shared, "Following periodic closures of the CPC route, exports fell."].join("\n");
    const swapped = [shared, "Putin visited Astana on November 27.", long, "Following periodic closures of the CPC route, exports fell."].join("\n");
    const inLong = at(before, "on oil exports through the CPC pipeline");
    const [r] = reanchorSpans(before, swapped, [inLong]);
    expect(r).toMatchObject({ start: at(swapped, "on oil exports through the CPC pipeline", swapped.indexOf(long)).start });
    // The long paragraph also edited: no copy is its paragraph word for word, and the diff's pairing is not trusted.
    const edited = swapped.replace("Energy security", "🇰🇿 Energy security");
    const [e] = reanchorSpans(before, edited, [inLong]);
    expect(e!.status === "orphaned" || e!.start === at(edited, "on oil exports through the CPC pipeline", edited.indexOf("🇰🇿")).start).toBe(true);
  });

  it("widens a reworded quote's match to whole words when the quote began and ended on word boundaries", () => {
    const before = "Officials said Kazakhstan is heavily reliant on oil exports through the CPC pipeline today.";
    const after = "Officials said Kazakhstan is largely reliant on oil exports through the CPC pipeline today.";
    const [r] = reanchorSpans(before, after, [at(before, "heavily reliant on oil exports through the CPC pipeline")]);
    expect(r).toMatchObject({ status: "changed", exact: "largely reliant on oil exports through the CPC pipeline" });
  });

  it("counts code points: emoji and combining marks before and inside the span", () => {
    const NEW = `🙂🙂 ${OLD}`;
    const [r] = reanchorSpans(OLD, NEW, [at(OLD, "🇰🇿 The café́")]);
    expect(r!.status).toBe("exact");
    expect(r!.start).toBe(at(NEW, "🇰🇿 The café́").start);
    expect(sliceCp(NEW, r!)).toBe("🇰🇿 The café́");
  });

  it("orphans an impossible span instead of throwing", () => {
    expect(reanchorSpans("abc", "abc", [{ start: 2, end: 9 }])).toEqual([{ status: "orphaned" }]);
  });
});

describe("reanchorSpans (property)", () => {
  const word = fc.constantFrom("oil", "Toqaev", "said", "“quote”", "80%", "🇰🇿", "café́", "—", "pipeline", "the", "\u00a0", "talks.", "\n");
  const text = fc.array(word, { minLength: 5, maxLength: 60 }).map((w) => w.join(" "));

  it("an unchanged text re-anchors every span exact", () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (t, a, b) => {
        const n = cp(t).length;
        const start = a % n;
        const end = start + 1 + (b % (n - start));
        expect(reanchorSpans(t, t, [{ start, end }])[0]).toMatchObject({ status: "exact", start, end });
      }),
      { numRuns: 200 },
    );
  });

  it("every span it carries or locates is verbatim in the new text", () => {
    fc.assert(
      fc.property(text, text, fc.nat(), fc.nat(), fc.nat(), (t, insert, a, b, c) => {
        const n = cp(t).length;
        const start = a % n;
        const end = start + 1 + (b % (n - start));
        const cut = c % (n + 1);
        const next = cp(t).slice(0, cut).join("") + insert + cp(t).slice(cut).join("");
        const [r] = reanchorSpans(t, next, [{ start, end }]);
        if (r!.status === "orphaned") return;
        expect(sliceCp(next, r!)).toBe(r!.exact);
        if (r!.status === "exact" || r!.status === "moved") expect(r!.exact).toBe(cp(t).slice(start, end).join(""));
      }),
      { numRuns: 300 },
    );
  });
});
