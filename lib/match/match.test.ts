import { describe, expect, it } from "vitest";
import { Bm25Index } from "./bm25-index";
import { explainMatch, readableQuantity } from "./explain";
import { canonicalNumbers } from "./numbers";
import { matchTokens } from "./tokens";

describe("matchTokens", () => {
  it("drops links, splits hashtags and handles, folds case and accents, stems", () => {
    expect(matchTokens("How are butterflies surviving the #AustralianFires? pic.twitter.com/0eJtwJyS1J — Center (@CenterForBioDiv) https://t.co/x")).toEqual(
      ["butterfli", "surviv", "australian", "fire", "center", "center", "bio", "div"],
    );
    expect(matchTokens("Tokayev’s café didn't close")).toEqual(["tokayev", "s", "cafe", "not", "close"]);
  });
  it("makes one token of a quantity however it is written", () => {
    for (const s of ["80 percent", "80%", "80 per cent", "four-fifths"]) expect(matchTokens(`${s} of oil exports`)).toEqual(["80%", "oil", "export"]);
    expect(canonicalNumbers("1.5 million people and 2,000 troops, twenty-one days")).toContain("1500000");
    expect(matchTokens("2,000 troops for twenty-one days")).toEqual(["2000", "troop", "21", "dai"]);
  });
});

describe("Bm25Index", () => {
  it("ranks the document sharing the rarer words first and reports the shared terms", () => {
    const idx = new Bm25Index();
    idx.add("cpc", matchTokens("Kazakhstan exports 80 percent of its oil through the CPC pipeline."));
    idx.add("coal", matchTokens("Kazakhstan exports coal to China."));
    idx.add("other", matchTokens("The weather was fine in Astana."));
    const hits = idx.search(matchTokens("Four-fifths of Kazakh oil goes via the CPC"), 5);
    expect(hits.map((h) => h.id)).toEqual(["cpc"]);
    expect(hits[0]!.shared.sort()).toEqual(["80%", "cpc", "oil"].sort());
    expect(idx.search(matchTokens("Kazakhstan"), 5).map((h) => h.id).sort()).toEqual(["coal", "cpc"]);
  });
});

describe("explainMatch", () => {
  it("names the speaker, the shared quantities and words (not the saying verbs), and what may contradict", () => {
    const reason = explainMatch({
      queryText: "Peskov said 60% of oil exports go through the CPC.",
      matchText: "Peskov said 80 percent of Kazakhstan's oil exports go through the CPC pipeline.",
      matchQuotes: "",
      sameSpeaker: "Dmitry Peskov",
      shared: ["peskov", "said", "80%", "oil", "export", "cpc"],
      contradiction: { kind: "figures", query: "60%", match: "80%" },
    });
    expect(reason).toBe(
      "Same speaker (Dmitry Peskov); shared words: “peskov”, “oil”, “exports”, “cpc”; but the new text says 60% where this claim says 80%: they may contradict each other.",
    );
    expect(explainMatch({ queryText: "x", matchText: "y", matchQuotes: "", sameSpeaker: null, shared: [], contradiction: null })).toBe("Few words in common.");
  });
  it("writes large quantities as a person reads them", () => {
    expect(["29000000", "1500000", "2000000000", "999999", "80%", "2022"].map(readableQuantity)).toEqual(["29 million", "1.5 million", "2 billion", "999999", "80%", "2022"]);
  });
  it("says which quantities both state, and names shared words found only in the quotes", () => {
    const reason = explainMatch({
      queryText: "Four-fifths of oil exports",
      matchText: "80% of its oil",
      matchQuotes: "the detials of exports",
      sameSpeaker: null,
      shared: ["80%", "oil", "export"],
      contradiction: null,
    });
    expect(reason).toBe("Both say 80%; shared words: “oil”, “exports”.");
  });
});
