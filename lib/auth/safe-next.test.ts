import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { safeNextPath } from "./safe-next";

describe("safeNextPath", () => {
  it("keeps same-site paths", () => {
    expect(safeNextPath("/queue")).toBe("/queue");
    expect(safeNextPath("/claims/abc?x=1#cite")).toBe("/claims/abc?x=1#cite");
    expect(safeNextPath("/search?q=Toqaev%20oil")).toBe("/search?q=Toqaev%20oil");
    expect(safeNextPath("/people/é")).toBe("/people/%C3%A9");
  });

  it("sends every off-site or malformed form to /", () => {
    for (const bad of [
      "//evil.example", "/\\evil.example", "/%09/evil.example", "/\t/evil.example", "/%2F/evil.example", "/%5Cevil.example",
      "/\r\nSet-Cookie: x=1", "/%0d%0aLocation: //evil", "https://evil.example/", "javascript:alert(1)", "evil.example", "",
      " /queue", "/%", "/%E0%A4%A", "/\u0085evil", null, 42, "/" + "a".repeat(3000),
    ]) {
      expect(safeNextPath(bad), JSON.stringify(bad)).toBe("/");
    }
  });

  it("never returns anything a browser would resolve off-site or a header cannot hold", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        const out = safeNextPath(s);
        expect(new URL(out, "https://verbatim.example").origin).toBe("https://verbatim.example");
        expect(out).toMatch(/^\/(?![/\\])[\x21-\x7e]*$|^\/$/);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("signInHref", () => {
  it("comes back to the page it was opened from, never to sign-in or off-site", async () => {
    const { signInHref } = await import("./safe-next");
    expect(signInHref("/claims/abc?x=1")).toBe("/sign-in?next=%2Fclaims%2Fabc%3Fx%3D1");
    expect(signInHref("/sign-in?next=/queue")).toBe("/sign-in");
    expect(signInHref("//evil.example")).toBe("/sign-in");
    expect(signInHref("/")).toBe("/sign-in");
  });
});
