import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readDbFor } from "@/lib/db-read";
import { createSource } from "@/lib/sources/create-source";
import { getSource } from "@/lib/sources/get-source";
import { getSourceForPage } from "@/lib/sources/get-source-for-page";
import { freshDatabase, type TestDatabase } from "../support/database";

// The source page's fast read path returns exactly what getSource (Prisma) returns, for the fields it reads.
let t: TestDatabase;
beforeAll(async () => {
  t = await freshDatabase();
  // One source with every metadata field set (the seeds leave some unknown).
  await createSource(t.db, {
    text: "Full metadata source.", title: "T", publisher: "P", author: "A", url: "https://example.org/a",
    publishedAt: "2024-12", retrievedAt: "2026-11-21T10:11:12.345Z", language: "en",
  });
});
afterAll(() => t.cleanup());

describe("getSourceForPage", () => {
  it("equals getSource for every seeded source", async () => {
    const read = readDbFor(t.url);
    for (const { id } of await t.db.source.findMany({ select: { id: true } })) {
      const full = await getSource(t.db, id);
      const page = await getSourceForPage(read, id);
      const { claims, createdAt: _createdAt, version: _v, metadataOrigin: _o, revisionOf: _r, nextRevisionId: _n, archive: _a, history: _h, ...meta } = full;
      const { claims: pageClaims, ...pageMeta } = page;
      expect(pageMeta).toEqual(meta);
      expect(pageClaims).toEqual(claims.map((c) => ({ id: c.id, text: c.text, status: c.status, sourceChanged: c.sourceChanged, spans: c.spans.map((s) => ({ id: s.id, start: s.start, end: s.end })) })));
    }
  });

  it("is a 404 for an unknown source", async () => {
    await expect(getSourceForPage(readDbFor(t.url), "no-such-source")).rejects.toThrow(/No source/);
  });
});
