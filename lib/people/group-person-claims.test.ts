import { describe, expect, it } from "vitest";
import type { ClaimSummary } from "../claims/claim-dto";
import { claimsBySource, statedRoles } from "./group-person-claims";

const source = (id: string, publishedAt: string | null): ClaimSummary["source"] => ({
  id,
  title: null,
  publisher: id.toUpperCase(),
  author: null,
  url: null,
  publishedAt,
  retrievedAt: null,
  language: "en",
  sha256: "0".repeat(64),
  republishedFrom: null,
});

function claim(id: string, src: ClaimSummary["source"], start: number, role: string | null): ClaimSummary {
  return {
    id,
    text: id,
    status: "unreviewed",
    version: 1,
    asOf: null,
    changedSinceVerdict: false,
    sourceChanged: false,
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
    source: src,
    spans: [{ id: `${id}-s`, sourceId: src.id, start, end: start + 5, exact: "words", prefix: "", suffix: "" }],
    attribution: { kind: "direct", role, person: { id: "p", name: "P", slug: "p", aliases: [], sameAs: [] } },
  };
}

const old = source("old", "2024-11");
const recent = source("recent", "2025-03-02");
const undated = source("undated", null);
const claims = [
  claim("c1", old, 90, "President"),
  claim("c2", recent, 10, "Kazakh President"),
  claim("c3", old, 5, "President"),
  claim("c4", undated, 0, null),
  claim("c5", recent, 3, "President"),
];

describe("statedRoles", () => {
  it("lists each wording once, with every source stating it, newest first", () => {
    expect(statedRoles(claims)).toEqual([
      { role: "President", sources: [{ id: "recent", title: null, publisher: "RECENT", publishedAt: "2025-03-02" }, { id: "old", title: null, publisher: "OLD", publishedAt: "2024-11" }] },
      { role: "Kazakh President", sources: [{ id: "recent", title: null, publisher: "RECENT", publishedAt: "2025-03-02" }] },
    ]);
  });

  it("is empty when no source states a role", () => {
    expect(statedRoles([claim("c", undated, 0, null)])).toEqual([]);
  });
});

describe("claimsBySource", () => {
  it("groups claims by source, newest source first and undated last, claims in reading order", () => {
    expect(claimsBySource(claims).map((g) => [g.source.id, g.claimIds])).toEqual([
      ["recent", ["c5", "c2"]],
      ["old", ["c3", "c1"]],
      ["undated", ["c4"]],
    ]);
  });
});
