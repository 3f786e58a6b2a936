// The SQLite index's own rebuild and bulk deferral (lib/search/rebuild-index.ts), on the
// database file directly; PostgreSQL's deferral is tested through ingest (tests/postgres).
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as searchRoute } from "@/app/api/search/route";
import type { SearchResult } from "@/lib/search/search-claims";
import { rebuildSearchIndex, withSearchIndexDeferred } from "@/lib/search/rebuild-index";
import { createSource } from "@/lib/sources/create-source";
import { freshDatabase, type TestDatabase, useAsAppDatabase } from "../support/database";
import { expectIndexInSync } from "../support/search-index";

let t: TestDatabase;
beforeAll(async () => {
  t = await freshDatabase();
  useAsAppDatabase(t);
});
afterAll(() => t.cleanup());

async function search(params: Record<string, string>): Promise<SearchResult> {
  const res = await searchRoute(new Request(`http://verbatim.test/api/search?${new URLSearchParams(params).toString()}`), undefined);
  expect(res.status).toBe(200);
  return (await res.json()) as SearchResult;
}
const newSource = async (title: string, text: string) => (await createSource(t.db, { title, text })).id;

describe("the SQLite search index", () => {
  it("rebuilds the index, and defers it through a bulk load", async () => {
    const sqlite = new Database(t.file);
    try {
      const before = await search({ q: "Kazakhstan", limit: "50" });
      rebuildSearchIndex(sqlite);
      await expectIndexInSync(t);
      expect((await search({ q: "Kazakhstan", limit: "50" })).items.map((i) => i.id).sort()).toEqual(before.items.map((i) => i.id).sort());

      const text = "Loaded in bulk: the narwhal tusk is a tooth.";
      const exact = "the narwhal tusk is a tooth";
      const start = text.indexOf(exact);
      const sourceId = await newSource("Bulk", text);
      await withSearchIndexDeferred(sqlite, () => {
        sqlite.prepare(`INSERT INTO "Claim" ("id", "text", "sourceId", "updatedAt") VALUES ('bulk-narwhal', 'A narwhal tusk is a tooth.', ?, '2026-01-01T00:00:00.000+00:00')`).run(sourceId);
        sqlite.prepare(`INSERT INTO "Span" ("id", "claimId", "sourceId", "start", "end", "exact", "prefix", "suffix") VALUES ('bulk-span', 'bulk-narwhal', ?, ?, ?, ?, ?, ?)`)
          .run(sourceId, start, start + exact.length, exact, text.slice(0, start), text.slice(start + exact.length));
        sqlite.prepare(`INSERT INTO "Attribution" ("id", "claimId", "kind") VALUES ('bulk-attr', 'bulk-narwhal', 'publication')`).run();
        expect(sqlite.prepare(`SELECT count(*) AS n FROM "ClaimSearch" WHERE "ClaimSearch" MATCH 'narwhal'`).get()).toEqual({ n: 0 });
      });
    } finally {
      sqlite.close();
    }
    expect((await search({ q: "narwhal" })).items.map((i) => i.id)).toEqual(["bulk-narwhal"]);
    await expectIndexInSync(t);
  });

});
