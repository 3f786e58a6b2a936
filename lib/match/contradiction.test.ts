import { describe, expect, it } from "vitest";
import { contradiction } from "./contradiction";
import { withinOneEdit } from "./edit-distance";
import { queryTerms } from "./query-terms";
import { rerank } from "./rerank";

describe("contradiction", () => {
  it("flags opposite words, different percentages and a negation only one side has", () => {
    expect(contradiction("Oil exports rose in 2024", "Oil exports fell in 2024")).toEqual({ kind: "opposite", query: "rose", match: "fell" });
    expect(contradiction("80 percent of oil goes via the CPC", "60% of oil goes via the CPC")).toEqual({ kind: "figures", query: "80%", match: "60%" });
    expect(contradiction("The pipeline did not close", "The pipeline closed")).toEqual({ kind: "negation", query: "not", match: null });
  });
  it("stays quiet when both say the same, or a text states both sides", () => {
    expect(contradiction("Exports rose", "Exports increased sharply")).toBeNull();
    expect(contradiction("80% of exports", "four-fifths of exports, up from 60%")).toBeNull();
    expect(contradiction("Prices rose, then fell", "Prices fell")).toBeNull();
    expect(contradiction("Peskov did not comment", "Peskov declined, saying nothing")).toBeNull();
  });
});

describe("withinOneEdit", () => {
  it("accepts one letter added, dropped, changed or two swapped, and nothing more", () => {
    for (const [a, b] of [["detials", "details"], ["detail", "detal"], ["tokayev", "tokaev"], ["pipeline", "pipelines"], ["oil", "oil"], ["cpc", "cpa"]]) expect(withinOneEdit(a!, b!)).toBe(true);
    for (const [a, b] of [["tokayev", "toqaev"], ["details", "detail_s_"], ["abc", "cba"], ["oil", "soils"]]) expect(withinOneEdit(a!, b!)).toBe(false);
  });
});

describe("queryTerms", () => {
  it("keeps each token once, with the words the index stems itself and its terms for quantities", () => {
    expect(queryTerms("Agreed: 80 percent agreed, 1.5 million barrels")).toEqual([
      { token: "agre", indexTerms: ["agre"], phrase: '"agreed"', word: "agreed" },
      { token: "80%", indexTerms: ["80"], phrase: '"80"', word: "80%" },
      { token: "1500000", indexTerms: ["1500000"], phrase: '"1500000"', word: "1500000" },
      { token: "barrel", indexTerms: ["barrel"], phrase: '"barrels"', word: "barrels" },
    ]);
  });
});

describe("rerank", () => {
  const candidate = (claimId: string, text: string, rowid: number, personId: string | null = null) => ({ rowid, claimId, personId, text, quotes: text, people: "", source: "" });
  const df = new Map([["kazakhstan", 30], ["oil", 10], ["cpc", 5], ["export", 4], ["80%", 1]]);
  it("ranks by the core's BM25, breaks ties by age, and adds the same speaker", () => {
    const query = { tokens: ["80%", "oil", "export", "cpc"], personId: null, df, docs: 100 };
    const ranked = rerank(query, [candidate("b", "CPC oil", 2), candidate("a", "80 percent of oil exports go via the CPC", 1), candidate("c", "CPC oil", 3)]);
    expect(ranked.map((r) => r.claimId)).toEqual(["a", "b", "c"]);
    expect(ranked[0]!.score).toBe(1);
    expect(ranked[0]!.shared.sort()).toEqual(["80%", "cpc", "export", "oil"]);
    const withSpeaker = rerank({ ...query, personId: "p" }, [candidate("b", "CPC oil", 2), candidate("c", "CPC oil", 3, "p")]);
    expect(withSpeaker.map((r) => [r.claimId, r.sameSpeaker])).toEqual([["c", true], ["b", false]]);
  });
});
