import { describe, expect, it } from "vitest";
import { namesAlias } from "./claims-about";

describe("a claim names a person by a spelling", () => {
  it("whole phrases only, case and accents ignored", () => {
    expect(namesAlias("Toqaev said he and Putin agreed", "Toqaev")).toBe(true);
    expect(namesAlias("TOQAEV met", "Toqaev")).toBe(true);
    expect(namesAlias("D’Anieri argues", "D'Anieri")).toBe(true);
    expect(namesAlias("Putinism is a word", "Putin")).toBe(false);
    expect(namesAlias("Li said", "Li")).toBe(false); // too short to trust
  });
});
