import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listPeople } from "@/lib/people/list-people";
import { personOptions } from "@/lib/people/person-options";
import { sourceLabel } from "@/lib/sources/label";
import { listSources } from "@/lib/sources/list-sources";
import { sourceOptions } from "@/lib/sources/source-options";
import { freshDatabase, type TestDatabase } from "../support/database";

// The pickers of forms and filters read people and sources without claim counts; they
// list the same ones, in the same order, as the lists that count (seeds: sources with and
// without a publication date, people with and without claims).
let t: TestDatabase;
beforeAll(async () => {
  t = await freshDatabase();
});
afterAll(() => t.cleanup());

describe("pick options", () => {
  it("sourceOptions: listSources' sources and order, by their labels", async () => {
    const counted = await listSources(t.db, 1000);
    expect(counted.some((s) => s.publishedAt === null) && counted.some((s) => s.publishedAt !== null)).toBe(true);
    expect(await sourceOptions(t.db)).toEqual(counted.map((s) => ({ id: s.id, label: sourceLabel(s) })));
    expect(await sourceOptions(t.db, 1)).toEqual([{ id: counted[0]!.id, label: sourceLabel(counted[0]!) }]);
  });

  it("personOptions: listPeople's people and order", async () => {
    const counted = await listPeople(t.db);
    expect(counted.length).toBeGreaterThan(1);
    expect(await personOptions(t.db)).toEqual(counted.map((p) => ({ id: p.id, name: p.name, slug: p.slug })));
  });
});
