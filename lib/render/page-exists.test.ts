import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import type { ReadDb } from "../db-read";
import { pageExists } from "./page-exists";

// An in-memory stand-in with just the columns the lookups read.
function fakeRead(): Pick<ReadDb, "all"> {
  const db = new Database(":memory:");
  db.exec(`CREATE TABLE "Claim" ("id" TEXT); CREATE TABLE "Source" ("id" TEXT);
    CREATE TABLE "Person" ("id" TEXT, "slug" TEXT); CREATE TABLE "PersonMerge" ("mergedId" TEXT, "mergedSlug" TEXT);
    INSERT INTO "Claim" VALUES ('c1'); INSERT INTO "Source" VALUES ('s1');
    INSERT INTO "Person" VALUES ('p1', 'ann-smith'); INSERT INTO "PersonMerge" VALUES ('p0', 'old-slug');`);
  return { all: async (sql, params) => db.prepare(sql).all(...params) as never };
}

describe("pageExists", () => {
  const read = fakeRead();
  it.each([
    ["claims", "c1", true], ["claims", "nope", false],
    ["sources", "s1", true], ["sources", "nope", false],
    ["people", "p1", true], ["people", "ann-smith", true], ["people", "p0", true], ["people", "old-slug", true], ["people", "nope", false],
    ["elsewhere", "anything", true],
  ] as const)("%s/%s → %s", async (kind, id, expected) => {
    expect(await pageExists(read, kind, id)).toBe(expected);
  });
});
