// The bulk export's CSL-JSON path must write exactly what the cite API writes for a claim:
// cslItemJsonWriter (source part memoised per source object) against JSON.stringify of
// toCslItem, and toCslItem on the lean CitationClaim against the full ClaimDetail.
import { describe, expect, it } from "vitest";
import type { CitationClaim } from "../claims/iterate-claims";
import { oneLine } from "./claim-facts";
import { cslItemJsonWriter, toCslItem } from "./csl";
import { makeClaim, seededClaims, TEST_CTX, trickyClaim, unknownClaim } from "./test-fixtures";
import type { ExportClaim } from "./types";

const all = () => [...seededClaims(), trickyClaim(), unknownClaim(), noSpansNoAttribution()];

function noSpansNoAttribution(): ExportClaim {
  return { ...unknownClaim(), id: "bare-claim", spans: [], attribution: null, reviews: [] };
}

/** What iterateCitationBatches reads for a claim: only the latest review's time, only the speaker's name. */
function citation(c: ExportClaim, source = c.source): CitationClaim {
  const a = c.attribution;
  return {
    id: c.id,
    text: c.text,
    status: c.status,
    source,
    spans: c.spans.map(({ start, end, exact, prefix, suffix }) => ({ start, end, exact, prefix, suffix })),
    attribution: a && { kind: a.kind, role: a.role, person: a.person && { name: a.person.name } },
    reviews: c.reviews.slice(-1).map((r) => ({ createdAt: r.createdAt })),
  };
}

describe("bulk CSL-JSON", () => {
  it("writes JSON.stringify(toCslItem) exactly, for every claim, with and without a trailing slash in baseUrl", () => {
    for (const ctx of [TEST_CTX, { baseUrl: "http://127.0.0.1:3000" }]) {
      const write = cslItemJsonWriter(ctx);
      for (const claim of all()) {
        const expected = JSON.stringify(toCslItem(claim, ctx));
        expect(write(claim), claim.id).toBe(expected);
        expect(write(claim), `${claim.id} again (source part memoised)`).toBe(expected);
      }
    }
  });

  it("gives the same item for the lean CitationClaim as for the full claim, also with sources shared across claims", () => {
    const shared = new Map<string, ExportClaim["source"]>();
    const write = cslItemJsonWriter(TEST_CTX);
    for (const claim of all()) {
      const source = shared.get(claim.source.id) ?? claim.source;
      shared.set(source.id, source);
      const lean = citation(claim, source);
      expect(toCslItem(lean, TEST_CTX), claim.id).toEqual(toCslItem(claim, TEST_CTX));
      expect(write(lean), claim.id).toBe(JSON.stringify(toCslItem(claim, TEST_CTX)));
    }
  });

  it("keeps sources with different metadata apart", () => {
    const base = unknownClaim();
    const other = makeClaim({
      id: "other-claim",
      text: base.text,
      sourceId: "other-source",
      sourceText: "Prices: the price rose sharply.",
      source: { title: "A title", publisher: "A paper", author: "Ana de la Cruz", url: "https://x.example/", publishedAt: "2024-02-29", retrievedAt: "2025-01-01T23:59:59.999Z", language: "es" },
      quotes: [{ exact: "the price rose" }],
      attribution: null,
    });
    // The same id with other metadata (another object): not the first one's JSON.
    const renamed = { ...other, source: { ...other.source, title: "Another title", publisher: null } };
    const write = cslItemJsonWriter(TEST_CTX);
    for (const c of [base, other, base, renamed, other]) expect(write(c)).toBe(JSON.stringify(toCslItem(c, TEST_CTX)));
  });
});

describe("oneLine", () => {
  const reference = (s: string) => s.replace(/\s+/gu, " ").trim();
  it("equals collapsing every whitespace run and trimming, on one-line text and on every kind of whitespace", () => {
    const pieces = ["a", "Zürich", "🙂", "“x”", " ", "  ", "\t", "\n", "\r\n", "\u00a0", "\u2028", "\u3000", "\ufeff", "\u200b", "e\u0301", ""];
    const samples = ["", " ", "plain one-line text", " lead", "trail ", "a  b", "a\u00a0b", "a \nb"];
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647);
    for (let i = 0; i < 5000; i++) {
      let s = "";
      for (let n = next() % 8; n >= 0; n--) s += pieces[next() % pieces.length];
      samples.push(s);
    }
    for (const s of samples) expect(oneLine(s), JSON.stringify(s)).toBe(reference(s));
  });
});
