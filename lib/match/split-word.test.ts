import { describe, expect, it } from "vitest";
import { twoPartSplits } from "./split-word";

describe("twoPartSplits", () => {
  it("cuts a word in two every way that leaves three letters or more on each side", () => {
    expect(twoPartSplits("tentcity")).toEqual([["ten", "tcity"], ["tent", "city"], ["tentc", "ity"]]);
    expect(twoPartSplits("maddoxstrong")).toContainEqual(["maddox", "strong"]);
  });
  it("leaves short words, numbers and mixed tokens whole", () => {
    expect(twoPartSplits("cities")).toEqual([["cit", "ies"]]);
    expect(twoPartSplits("oil")).toEqual([]);
    expect(twoPartSplits("covid19x")).toEqual([]);
    expect(twoPartSplits("80%")).toEqual([]);
  });
  it("counts letters, not UTF-16 units", () => {
    expect(twoPartSplits("ąęółżź")).toEqual([["ąęó", "łżź"]]);
  });
});
