import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkSeedQuotations, type SeedManifest } from "./eval/seed-gold";
import { suggestClaims } from "./suggest";

const seeds = path.resolve(import.meta.dirname, "../../seeds");
const manifest = JSON.parse(readFileSync(path.join(seeds, "manifest.json"), "utf8")) as SeedManifest;
const textOf = (file: string) => readFileSync(path.join(seeds, file), "utf8");

describe("the seed articles", () => {
  it("suggest every direct quotation of Toqaev, Peskov, D'Anieri, Sharifli and Paddack with the right person", () => {
    const { found, missed } = checkSeedQuotations(manifest, textOf);
    expect(missed).toEqual([]);
    expect(found.length).toBe(manifest.claims.filter((c) => c.attribution.kind === "direct").length);
  });

  it("give each of those speakers the role the text states", () => {
    const text = textOf("000_50568acf8493da64.txt");
    const roles = new Map<string, string | null>();
    for (const s of suggestClaims(text, { people: manifest.people })) if (s.person?.id && !roles.has(s.person.id)) roles.set(s.person.id, s.role);
    expect(Object.fromEntries(roles)).toMatchObject({
      "kassym-jomart-tokayev": "Kazakh President",
      "dmitry-peskov": "Kremlin spokesman",
      "andrew-danieri": "associate director of the Atlantic Council's Eurasia Center",
      "yunis-sharifli": "nonresident fellow at the China Global South Project",
      "vlad-paddack": "fellow at Nightingale Intelligence, a political foresight firm",
    });
  });

  it("keep the text's spelling: Toqaev is reported as a match of an alias, never renamed", () => {
    const text = textOf("000_50568acf8493da64.txt");
    const toqaev = suggestClaims(text, { people: manifest.people }).find((s) => s.speaker?.exact === "Toqaev")!;
    expect(toqaev.person).toEqual({ name: "Qasym-Zhomart Toqaev", id: "kassym-jomart-tokayev", matchedAlias: "Qasym-Zhomart Toqaev" });
    const tokayev = suggestClaims(textOf("002_adbfb3f66e90cfa2.txt"), { people: manifest.people }).filter((s) => s.person?.name.includes("Tokayev"));
    expect(tokayev.every((s) => s.person?.id === "kassym-jomart-tokayev")).toBe(true);
  });
});
