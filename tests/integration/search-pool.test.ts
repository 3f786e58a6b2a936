import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readDbFor } from "@/lib/db-read";
import { prepareSearch, runSearch } from "@/lib/search/search-claims";
import { searchInPool } from "@/lib/search/search-pool";
import { freshDatabase, type TestDatabase } from "../support/database";

// Searches in the worker pool give what the same search gives on the request's thread,
// also when many run at once, and they see a write as soon as it is committed.
let t: TestDatabase;
beforeAll(async () => {
  t = await freshDatabase();
});
afterAll(() => t.cleanup());

const QUERIES = ["Tokayev", "Toqaev", "oil", "CPC pipeline", "detials", "Peskov", "Oreshnik", "percent", "Kazakhstan", "the", "Kremlin", "toka"];

describe("searchInPool", () => {
  it("answers many concurrent searches exactly as runSearch does in-process", async () => {
    const prepared = await Promise.all(QUERIES.map((q) => prepareSearch(t.db, { q, limit: "5" })));
    const inPool = await Promise.all(prepared.map((s) => searchInPool(s, t.url)));
    const inProcess = await Promise.all(prepared.map((s) => runSearch(readDbFor(t.url), s)));
    expect(inPool).toEqual(inProcess);
    expect(inPool.filter((r) => r.items.length > 0).length).toBeGreaterThan(8);
  });

  it("sees a committed write at once", async () => {
    const word = "zyxwvutsrq";
    const before = await searchInPool(await prepareSearch(t.db, { q: word }), t.url);
    expect(before.items).toEqual([]);
    const claim = await t.db.claim.findFirstOrThrow({ select: { id: true, text: true } });
    await t.db.claim.update({ where: { id: claim.id }, data: { text: `${claim.text} ${word}`, version: { increment: 1 } } });
    const after = await searchInPool(await prepareSearch(t.db, { q: word }), t.url);
    expect(after.items.map((i) => i.id)).toEqual([claim.id]);
  });
});
