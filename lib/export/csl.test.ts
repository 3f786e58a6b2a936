import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseAuthors } from "./authors";
import { partialDateParts, toCslItem, UNTITLED_CSL } from "./csl";
import { cslErrors } from "./csl-validate";
import { makeClaim, SEEDS_DIR, seededClaim, seededClaims, TEST_CTX, trickyClaim, unknownClaim } from "./test-fixtures";
import { CSL_SCHEMA_PATH, officialCslValidator } from "./test-validators";

const all = () => [...seededClaims(), trickyClaim(), unknownClaim()];

describe("CSL-JSON against the official schema (csl-data.json, draft-07)", () => {
  it("accepts every seeded claim's item, and the edge cases", () => {
    const validate = officialCslValidator();
    for (const claim of all()) expect(validate([toCslItem(claim, TEST_CTX)]), claim.id).toEqual([]);
  });

  it("really validates: a wrong type, a bad date and an unknown field fail", () => {
    const validate = officialCslValidator();
    const good = toCslItem(trickyClaim(), TEST_CTX);
    expect(validate([{ ...good, type: "newspaper" }])).not.toEqual([]);
    expect(validate([{ ...good, issued: { "date-parts": [[2025, 11, 3, 4]] } }])).not.toEqual([]);
    expect(validate([{ ...good, quote: "x" }])).not.toEqual([]);
  });

  it("the runtime copy of the schema is the official one, unchanged", () => {
    expect(readFileSync(path.join(import.meta.dirname, "csl", "csl-data.json"), "utf8")).toBe(readFileSync(CSL_SCHEMA_PATH, "utf8"));
  });
});

describe("toCslItem", () => {
  it("the runtime validator agrees on every item and rejects invalid ones", () => {
    for (const claim of all()) expect(cslErrors([toCslItem(claim, TEST_CTX)]), claim.id).toEqual([]);
    expect(cslErrors([{ id: "x", type: "newspaper" }]).length).toBeGreaterThan(0);
  });

  it("maps a dated, titled newspaper source (Caspian Post)", () => {
    const item = toCslItem(seededClaim("caspian-kazakhstan-reliant-on-cpc"), TEST_CTX);
    expect(item).toMatchObject({
      type: "article-newspaper",
      id: "caspian-kazakhstan-reliant-on-cpc",
      title: "Russia's Strategic Moves and Putin's November Visit to Kazakhstan",
      "container-title": "The Caspian Post",
      publisher: "The Caspian Post",
      issued: { "date-parts": [[2024, 12, 3]] },
      language: "en",
    });
    // Nothing the source does not state: no author, URL or retrieval date.
    expect(item).not.toHaveProperty("author");
    expect(item).not.toHaveProperty("URL");
    expect(item).not.toHaveProperty("accessed");
  });

  it("leaves unknown metadata unknown (RFE/RL: no author, date or URL); no title is named by the bracketed description", () => {
    const item = toCslItem(seededClaim("peskov-washington-contacts-interesting"), TEST_CTX);
    expect(item.type).toBe("article-newspaper");
    expect(Object.keys(item).sort()).toEqual(["citation-key", "container-title", "custom", "id", "language", "note", "publisher", "title", "type"]);
    expect(item.title).toBe(UNTITLED_CSL);
  });

  it("is a plain web page when even the publisher is unknown", () => {
    const item = toCslItem(unknownClaim(), TEST_CTX);
    expect(item.type).toBe("webpage");
    expect(Object.keys(item).sort()).toEqual(["citation-key", "custom", "id", "note", "title", "type"]);
  });

  it("keeps the source's date precision and the retrieval day", () => {
    expect(partialDateParts("2024-12-03")).toEqual({ "date-parts": [[2024, 12, 3]] });
    expect(partialDateParts("2025-11")).toEqual({ "date-parts": [[2025, 11]] });
    expect(partialDateParts("2025")).toEqual({ "date-parts": [[2025]] });
    expect(partialDateParts(null)).toBeUndefined();
    const item = toCslItem(trickyClaim(), TEST_CTX);
    expect(item.issued).toEqual({ "date-parts": [[2025, 11]] });
    expect(item.accessed).toEqual({ "date-parts": [[2025, 12, 1]] });
    expect(item.URL).toBe("https://news.example/articles/2025/réforme?id=5&lang=fr#top");
    expect(item.language).toBe("fr");
    expect(item.author).toEqual([
      { family: "Müller", given: "José" },
      { family: "Cruz", given: "Ana", "non-dropping-particle": "de la" },
    ]);
  });

  it("carries every quote with its code-point position, verbatim, in custom.verbatim", () => {
    for (const claim of seededClaims()) {
      const v = toCslItem(claim, TEST_CTX).custom.verbatim;
      const manifest = JSON.parse(readFileSync(path.join(SEEDS_DIR, "manifest.json"), "utf8")) as { sources: { id: string; file: string }[] };
      const file = manifest.sources.find((s) => s.id === claim.source.id)!.file;
      const codePoints = Array.from(readFileSync(path.join(SEEDS_DIR, file), "utf8"));
      expect(v).toMatchObject({
        claimId: claim.id,
        claimText: claim.text,
        status: claim.status,
        permalink: `https://verbatim.example/claims/${claim.id}`,
        sourcePermalink: `https://verbatim.example/sources/${claim.source.id}`,
        sourceSha256: claim.source.sha256,
        offsetUnit: "unicode-code-point",
      });
      expect(v.quotes).toHaveLength(claim.spans.length);
      for (const q of v.quotes) {
        expect(codePoints.slice(q.start, q.end).join("")).toBe(q.exact);
        expect(codePoints.slice(Math.max(0, q.start - q.prefix.length), q.start).join("")).toBe(q.prefix);
        expect(codePoints.slice(q.end, q.end + Array.from(q.suffix).length).join("")).toBe(q.suffix);
      }
    }
  });

  it("counts an emoji as one code point", () => {
    const [q1] = toCslItem(trickyClaim(), TEST_CTX).custom.verbatim.quotes;
    // "Intro 🎉 line.\nJosé Müller said: “" is 33 code points (34 UTF-16 units).
    expect(q1!.start).toBe(33);
    expect(q1!.end - q1!.start).toBe(Array.from(q1!.exact).length);
  });

  it("says the quote, its position, the speaker, the verdict and the permalink in the note", () => {
    const claim = seededClaim("danieri-toqaev-more-firepower");
    expect(claim.spans).toHaveLength(2);
    const { note } = toCslItem(claim, TEST_CTX);
    for (const s of claim.spans) expect(note).toContain(`“${s.exact}” (code points ${s.start}–${s.end})`);
    expect(note).toContain("Andrew D'Anieri (associate director of the Atlantic Council's Eurasia Center)");
    expect(note).toContain("Status: unreviewed.");
    expect(note).toContain("https://verbatim.example/claims/danieri-toqaev-more-firepower");
    expect(note).not.toMatch(/\n/);
    expect(toCslItem(seededClaim("peskov-cpc-uninterrupted-operations"), TEST_CTX).note).toContain("Dmitry Peskov (Kremlin spokesman), reported speech");
  });

  it("treats blank metadata as unknown", () => {
    const base = unknownClaim();
    const claim = makeClaim({
      id: "blank-claim",
      text: base.text,
      sourceId: "blank-source",
      sourceText: "Prices: the price rose sharply.",
      source: { title: "  ", publisher: "", author: " ", url: "", publishedAt: null, retrievedAt: null, language: "" },
      quotes: [{ exact: "the price rose" }],
      attribution: { kind: "publication", role: null, person: null },
    });
    expect(Object.keys(toCslItem(claim, TEST_CTX)).sort()).toEqual(["citation-key", "custom", "id", "note", "title", "type"]);
  });
});

describe("parseAuthors", () => {
  it("splits bylines without guessing", () => {
    expect(parseAuthors(null)).toEqual([]);
    expect(parseAuthors("  ")).toEqual([]);
    expect(parseAuthors("Jane Doe")).toEqual([{ family: "Doe", given: "Jane" }]);
    expect(parseAuthors("Doe, Jane")).toEqual([{ family: "Doe", given: "Jane" }]);
    expect(parseAuthors("Jane Doe and John Smith")).toEqual([
      { family: "Doe", given: "Jane" },
      { family: "Smith", given: "John" },
    ]);
    expect(parseAuthors("Ludwig van Beethoven")).toEqual([{ family: "Beethoven", given: "Ludwig", "non-dropping-particle": "van" }]);
    // Organisations and single names stay whole.
    expect(parseAuthors("RFE/RL's Kazakh Service")).toEqual([{ literal: "RFE/RL's Kazakh Service" }]);
    expect(parseAuthors("Reuters Staff")).toEqual([{ literal: "Reuters Staff" }]);
    expect(parseAuthors("Madonna")).toEqual([{ literal: "Madonna" }]);
    expect(parseAuthors("Doe, Jane, Jr, extra")).toEqual([{ literal: "Doe, Jane, Jr, extra" }]);
  });
});
