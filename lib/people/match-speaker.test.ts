import { describe, expect, it } from "vitest";
import { matchSpeaker } from "./match-speaker";

const people = [
  { id: "tokayev", name: "Kassym-Jomart Tokayev", aliases: ["Qasym-Zhomart Toqaev", "Toqaev"] },
  { id: "zelensky", name: "Volodymyr Zelensky", aliases: [] },
  { id: "peskov", name: "Dmitry Peskov", aliases: ["Peskov"] },
  { id: "a-smith", name: "Anna Smith", aliases: [] },
  { id: "j-smith", name: "John Smith", aliases: [] },
];

describe("matchSpeaker", () => {
  it("matches a name or an alias exactly, whatever the case and accents", () => {
    expect(matchSpeaker("Toqaev", people)).toEqual({ id: "tokayev", matchedAlias: "Toqaev", how: "exact" });
    expect(matchSpeaker("DMITRY PESKOV", people)).toEqual({ id: "peskov", matchedAlias: "Dmitry Peskov", how: "exact" });
  });
  it("matches near spellings of transliterated names, saying which spelling matched", () => {
    expect(matchSpeaker("Tokayev", people)).toMatchObject({ id: "tokayev", how: "near" });
    expect(matchSpeaker("Qassym-Jomart Tokaev", people)).toMatchObject({ id: "tokayev" });
    expect(matchSpeaker("Zelenskyy", people)).toEqual({ id: "zelensky", matchedAlias: "Volodymyr Zelensky", how: "near" });
    expect(matchSpeaker("Dmitri Peskov", people)).toMatchObject({ id: "peskov" });
  });
  it("does not choose between two people, and does not match a stranger", () => {
    expect(matchSpeaker("Smith", people)).toBeNull();
    expect(matchSpeaker("Marat Seitkali", people)).toBeNull();
    expect(matchSpeaker("", people)).toBeNull();
  });
});
