import { describe, expect, it } from "vitest";
import { cacheableRoute, pageDeps, parseTags, TAG_SEPARATOR } from "./page-deps.mjs";

describe("cacheableRoute", () => {
  it("takes lists and the pages of one claim, source or person", () => {
    expect(cacheableRoute("/claims")).toEqual({ kind: "list" });
    expect(cacheableRoute("/sources")).toEqual({ kind: "list" });
    expect(cacheableRoute("/people")).toEqual({ kind: "list" });
    expect(cacheableRoute("/claims/a-b")).toEqual({ kind: "claim", id: "a-b" });
    expect(cacheableRoute("/sources/s%C3%A9")).toEqual({ kind: "source", id: "sé" });
    expect(cacheableRoute("/people/dmitry-peskov")).toEqual({ kind: "person", id: "dmitry-peskov" });
    expect(cacheableRoute("/search")).toEqual({ kind: "search" });
  });

  it("never takes editors' pages, sub-pages or malformed ids", () => {
    for (const p of ["/", "/queue", "/sources/new", "/search/x", "/sign-in", "/status", "/claims/x/similar", "/sources/x/diff", "/claims/%E0%A4%A", "/claims/", "/api/claims", "/claims/x/"]) {
      expect(cacheableRoute(p), p).toBeNull();
    }
  });
});

describe("pageDeps", () => {
  it("depends on the page's own record, everything it links to, and all", () => {
    const html = `<a href="/sources/rferl#span-1">x</a><a href="/people/dmitry-peskov">P</a><a href="/claims/a%20b?x=1">c</a><a href="/claims/o&#x27;neil">d</a><a href="/api/claims/z/cite">e</a><a href="/sources/new">n</a>`;
    expect([...pageDeps({ kind: "claim", id: "c1" }, html)].sort()).toEqual(
      ["all", "claim:a b", "claim:c1", "claim:o'neil", "person:dmitry-peskov", "source:new", "source:rferl"].sort(),
    );
  });

  it("adds list to lists and claim-text to a person's page (the claims naming them)", () => {
    expect(pageDeps({ kind: "list" }, "")).toEqual(new Set(["all", "list"]));
    expect(pageDeps({ kind: "person", id: "p" }, "")).toEqual(new Set(["all", "person:p", "claim-text"]));
    expect(pageDeps({ kind: "search" }, "")).toEqual(new Set(["all"]));
  });
});

describe("parseTags", () => {
  it("splits a PageChange row and drops empty parts and tags without an id", () => {
    expect(parseTags(["claim:a", "", "person:", "list", "source:s"].join(TAG_SEPARATOR))).toEqual(["claim:a", "list", "source:s"]);
  });
});
