import { describe, expect, it } from "vitest";
import { claimPermalink, organization, sourcePermalink } from "./permalinks";

describe("permalinks", () => {
  const claim = { id: "c-1", source: { id: "s-1" } };

  it("are absolute, with or without a trailing slash or a base path", () => {
    expect(claimPermalink(claim, { baseUrl: "https://v.example/" })).toBe("https://v.example/claims/c-1");
    expect(sourcePermalink(claim, { baseUrl: "https://v.example/base" })).toBe("https://v.example/base/sources/s-1");
  });

  it("refuse a relative base (every export leaves the app)", () => {
    expect(() => claimPermalink(claim, { baseUrl: "/relative" })).toThrow(/absolute/);
    expect(() => claimPermalink(claim, { baseUrl: "" })).toThrow(/absolute/);
  });

  it("default the reviewing organisation to Verbatim", () => {
    expect(organization({ baseUrl: "https://v.example" })).toEqual({ name: "Verbatim" });
  });
});
