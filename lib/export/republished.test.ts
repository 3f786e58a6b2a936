import { describe, expect, it } from "vitest";
import { biblatexEntry, bibtexEntry } from "./bibtex";
import { cslNote, toCslItem } from "./csl";
import { toPlainText } from "./text";
import { makeClaim } from "./test-fixtures";

// A republication (The Caspian Post citing The Times of Central Asia) is carried into
// every format with a field for it, and named in the note of every other.
const ctx = { baseUrl: "https://verbatim.example" };
const claim = (republishedFrom: { publisher: string | null; title: string | null; url: string | null; date: string | null } | null) =>
  makeClaim({
    id: "c1",
    text: "Kazakhstan relies on the CPC pipeline.",
    sourceId: "s1",
    sourceText: "Kazakhstan remains heavily reliant on oil exports through the CPC.",
    quotes: [{ exact: "Kazakhstan" }],
    attribution: null,
    source: { title: "Russia's Strategic Moves", publisher: "The Caspian Post", author: null, url: null, publishedAt: "2024-12-03", retrievedAt: null, language: "en", republishedFrom },
  });

describe("republishedFrom in citations", () => {
  it("CSL: original-publisher, original-title and original-date where known; the note says the rest", () => {
    const item = toCslItem(claim({ publisher: "The Times of Central Asia", title: "Putin in Astana", url: "https://timesca.example/a", date: "2024-11" }), ctx);
    expect(item).toMatchObject({ "original-publisher": "The Times of Central Asia", "original-title": "Putin in Astana", "original-date": { "date-parts": [[2024, 11]] } });
    expect(item.note).toContain("The source republishes The Times of Central Asia, “Putin in Astana” (2024-11), https://timesca.example/a.");
  });
  it("leaves unknown parts out instead of guessing (the seed: only the publisher is known)", () => {
    const item = toCslItem(claim({ publisher: "The Times of Central Asia", title: null, url: null, date: null }), ctx);
    expect(item["original-publisher"]).toBe("The Times of Central Asia");
    expect("original-title" in item || "original-date" in item).toBe(false);
    expect(cslNote(claim(null), ctx)).not.toContain("republishes");
  });
  it("BibLaTeX: origpublisher, origtitle, origdate; BibTeX and plain text: in the note and the line", () => {
    const c = claim({ publisher: "The Times of Central Asia", title: "Putin in Astana", url: null, date: "2024-11-28" });
    const { custom: _custom, ...item } = toCslItem(c, ctx);
    const biblatex = biblatexEntry(item, item.note);
    expect(biblatex).toContain("origpublisher = {{The Times of Central Asia}}");
    expect(biblatex).toContain("origtitle = {Putin in {Astana}}");
    expect(biblatex).toContain("origdate = {2024-11-28}");
    expect(bibtexEntry(item, item.note)).toContain("republishes The Times of Central Asia");
    expect(toPlainText(c, ctx)).toContain("(3 December 2024, republishing The Times of Central Asia, “Putin in Astana” (2024-11-28))");
  });
});
