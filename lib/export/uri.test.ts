import { describe, expect, it } from "vitest";
import { toUri } from "./uri";

describe("toUri", () => {
  it("percent-encodes what a URI may not hold and keeps the rest", () => {
    expect(toUri("https://news.example/r%C3%A9forme?a=1&b=2#top")).toBe("https://news.example/r%C3%A9forme?a=1&b=2#top");
    expect(toUri("https://news.example/réforme 🎉?q={x}")).toBe("https://news.example/r%C3%A9forme%20%F0%9F%8E%89?q=%7Bx%7D");
    expect(toUri(" urn:uuid:123 ")).toBe("urn:uuid:123");
  });

  it("refuses what is not absolute", () => {
    expect(toUri("example.com/story")).toBeNull();
    expect(toUri("")).toBeNull();
    expect(toUri("/sources/x")).toBeNull();
  });
});
