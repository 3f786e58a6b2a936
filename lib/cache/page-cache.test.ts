import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PageCache } from "./page-cache.mjs";

describe("PageCache", () => {
  it("drops exactly the pages that depend on a tag", () => {
    const cache = new PageCache<string>({ maxBytes: 1_000_000 });
    cache.set("claim-a", "A", 10, ["all", "claim:a", "source:s"]);
    cache.set("claim-b", "B", 10, ["all", "claim:b", "source:s"]);
    cache.set("list", "L", 10, ["all", "list"]);
    expect(cache.invalidate(["claim:a"])).toBe(1);
    expect(cache.get("claim-a")).toBeUndefined();
    expect(cache.get("claim-b")?.value).toBe("B");
    expect(cache.invalidate(["source:s", "list"])).toBe(2);
    expect(cache.size).toBe(0);
  });

  it("empties on all", () => {
    const cache = new PageCache<string>({ maxBytes: 1_000_000 });
    cache.set("a", "A", 10, ["all", "claim:a"]);
    cache.set("b", "B", 10, ["all"]);
    expect(cache.invalidate(["all"])).toBe(2);
    expect(cache.size).toBe(0);
    expect(cache.bytes).toBe(0);
  });

  it("evicts the least recently used beyond its bound, and refuses a page larger than it", () => {
    const cache = new PageCache<string>({ maxBytes: 3000 });
    cache.set("a", "A", 500, ["all"]);
    cache.set("b", "B", 500, ["all"]);
    cache.get("a"); // a is now the most recently used
    cache.set("c", "C", 500, ["all"]);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")?.value).toBe("A");
    expect(cache.set("huge", "H", 5000, ["all"])).toBe(false);
    expect(cache.bytes).toBeLessThanOrEqual(3000);
  });

  it("after any sequence of stores and invalidations: within its bound, and nothing left that depends on an invalidated tag", () => {
    const tag: fc.Arbitrary<string> = fc.constantFrom("claim:a", "claim:b", "source:s", "person:p", "list", "claim-text");
    const op = fc.oneof(
      fc.record({ set: fc.constantFrom("k1", "k2", "k3", "k4", "k5"), bytes: fc.integer({ min: 1, max: 2000 }), deps: fc.uniqueArray(tag, { maxLength: 4 }) }),
      fc.record({ invalidate: fc.uniqueArray(tag, { minLength: 1, maxLength: 2 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const cache = new PageCache<string>({ maxBytes: 4000 });
        const deps = new Map<string, string[]>();
        for (const o of ops) {
          if ("set" in o) {
            if (cache.set(o.set, o.set, o.bytes, ["all", ...o.deps])) deps.set(o.set, o.deps);
          } else {
            cache.invalidate(o.invalidate);
            for (const [k, d] of deps) if (d.some((t) => o.invalidate.includes(t))) expect(cache.get(k)).toBeUndefined();
          }
          expect(cache.bytes).toBeLessThanOrEqual(4000);
        }
      }),
    );
  });
});
