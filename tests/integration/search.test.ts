import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as searchRoute } from "@/app/api/search/route";
import { createClaim } from "@/lib/claims/create-claim";
import { readDbFor } from "@/lib/db-read";
import { addAlias } from "@/lib/people/add-alias";
import { createPerson } from "@/lib/people/create-person";
import { mergePeople } from "@/lib/people/merge-people";
import type { SearchResult } from "@/lib/search/search-claims";
import { PREFIX_BELOW, searchClaims } from "@/lib/search/search-claims";
import { createSource } from "@/lib/sources/create-source";
import { verifyDatabase } from "@/lib/verify/verify-database";
import { freshDatabase, type TestDatabase, useAsAppDatabase } from "../support/database";
import { expectIndexInSync } from "../support/search-index";

// GET /api/search on the seeded database, called as Next calls it.
let t: TestDatabase;
beforeAll(async () => {
  t = await freshDatabase();
  useAsAppDatabase(t);
});
afterAll(() => t.cleanup());

const BASE = "http://verbatim.test";
type ErrorBody = { error: { code: string; message: string } };

async function get(params: Record<string, string>): Promise<{ status: number; body: SearchResult & Partial<ErrorBody> }> {
  const res = await searchRoute(new Request(`${BASE}/api/search?${new URLSearchParams(params).toString()}`), undefined);
  return { status: res.status, body: (await res.json()) as SearchResult & Partial<ErrorBody> };
}

async function search(params: Record<string, string>): Promise<SearchResult> {
  const { status, body } = await get(params);
  expect(status, JSON.stringify(body.error)).toBe(200);
  return body;
}

/** Every match, following cursors. */
async function allIds(params: Record<string, string>): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page: SearchResult = await search({ ...params, limit: "50", ...(cursor ? { cursor } : {}) });
    ids.push(...page.items.map((i) => i.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

const claimsOf = async (personId: string) =>
  (await t.db.attribution.findMany({ where: { personId }, select: { claimId: true } })).map((a) => a.claimId).sort();

async function newSource(title: string, text: string, publisher: string | null = null) {
  return (await createSource(t.db, { title, publisher, text })).id;
}

describe("GET /api/search", () => {
  it("finds a person's claims under any of their names: Tokayev and Toqaev find the same claims", async () => {
    const tokayev = await allIds({ q: "Tokayev" });
    const toqaev = await allIds({ q: "Toqaev" });
    expect(tokayev.length).toBeGreaterThan(0);
    expect([...tokayev].sort()).toEqual([...toqaev].sort());
    const his = await claimsOf("kassym-jomart-tokayev");
    expect(his.length).toBeGreaterThan(5);
    expect(tokayev).toEqual(expect.arrayContaining(his));
    // Text that spells the name the other way is found too (the alias expands the query).
    expect(tokayev).toEqual(expect.arrayContaining(["rferl-toqaev-addressed-economic-forum", "caspian-tokayev-hosted-visit-in-astana"]));
  });

  it("ignores case and diacritics", async () => {
    const { id: personId } = await createPerson(t.db, { name: "Karel Čapek" });
    const sourceId = await newSource("Robots and their makers", "Čapek said that robots were invented in a play in 1920.");
    const { id } = await createClaim(t.db, {
      sourceId, text: "Čapek said robots were invented in a play.", spans: [{ exact: "robots were invented in a play" }],
      attribution: { kind: "indirect", personId },
    });
    for (const q of ["capek", "CAPEK", "Čapek", "čApEk", "Capek robots"]) {
      expect((await search({ q })).items.map((i) => i.id), q).toContain(id);
    }
  });

  it("ranks a claim whose quote holds the words above one that only has them in its source's title", async () => {
    const titled = await newSource("Quokka habitat survey", "Rainfall was below average in the south-west this year.");
    const quoted = await newSource("Field notes", "Rangers said the quokka habitat shrank by a third since 2010.");
    const inTitle = await createClaim(t.db, {
      sourceId: titled, text: "Rainfall was below average in the south-west.", spans: [{ exact: "Rainfall was below average" }],
      attribution: { kind: "publication" },
    });
    const inQuote = await createClaim(t.db, {
      sourceId: quoted, text: "Rangers reported a shrinking range.", spans: [{ exact: "the quokka habitat shrank by a third" }],
      attribution: { kind: "publication" },
    });
    const r = await search({ q: "quokka habitat" });
    expect(r.items.map((i) => i.id)).toEqual([inQuote.id, inTitle.id]);
    expect(r.items[0]!.score).toBeGreaterThan(r.items[1]!.score);
    // Matched words come back marked, as plain segments that rebuild the text.
    const quote = r.items[0]!.highlights.quote;
    expect(quote.filter((s) => s.match).map((s) => s.text.toLowerCase())).toEqual(["quokka", "habitat"]);
    expect(quote.map((s) => s.text).join("")).toBe("the quokka habitat shrank by a third");
    expect(r.items[1]!.highlights.source!.filter((s) => s.match).map((s) => s.text)).toEqual(["Quokka", "habitat"]);
    expect(r.items[1]!.highlights.text).toEqual([{ text: "Rainfall was below average in the south-west.", match: false }]);
  });

  it("matches the last word as a prefix when, as typed, it finds few claims", async () => {
    const fields = await newSource("Fields", "An oilfield at Tengiz produced more this year.");
    const oilfield = await createClaim(t.db, {
      sourceId: fields, text: "Tengiz produced more.", spans: [{ exact: "An oilfield at Tengiz produced more" }], attribution: { kind: "publication" },
    });
    const plant = await newSource("Thermal plant", "Thermal output rose by a fifth.");
    const thermal = await createClaim(t.db, {
      sourceId: plant, text: "Thermal output rose.", spans: [{ exact: "Thermal output rose" }], attribution: { kind: "publication" },
    });
    expect(await allIds({ q: "oilfie" })).toEqual([oilfield.id]);
    expect(await allIds({ q: "Tengiz oilf" })).toEqual([oilfield.id]);
    expect(await allIds({ q: "oil" })).toContain(oilfield.id); // few claims say "oil": it is a prefix too
    expect(await allIds({ q: "Toqa" })).toEqual(expect.arrayContaining(await claimsOf("kassym-jomart-tokayev")));
    // Many claims say "the": it is searched as typed, not as every word starting with it.
    const the = await allIds({ q: "the" });
    expect(the.length).toBeGreaterThanOrEqual(PREFIX_BELOW);
    expect(the).not.toContain(thermal.id);
    expect(await allIds({ q: "ther" })).toContain(thermal.id);
  });

  it("counts facets by status, person and source over the matches", async () => {
    const r = await search({ q: "Kazakhstan", limit: "50" });
    const ids = await allIds({ q: "Kazakhstan" });
    expect(r.total).toEqual({ count: ids.length, capped: false });
    expect(r.facets.capped).toBe(false);
    const claims = await t.db.claim.findMany({ where: { id: { in: ids } }, select: { status: true, sourceId: true, attribution: { select: { personId: true } } } });
    const count = (key: (c: (typeof claims)[number]) => string | null | undefined) => {
      const m = new Map<string, number>();
      for (const c of claims) {
        const k = key(c);
        if (k) m.set(k, (m.get(k) ?? 0) + 1);
      }
      return m;
    };
    expect(new Map(r.facets.status.map((s) => [s.value, s.count]))).toEqual(count((c) => c.status));
    expect(r.facets.status.reduce((n, s) => n + s.count, 0)).toBe(ids.length);
    expect(new Map(r.facets.source.map((s) => [s.id, s.count]))).toEqual(count((c) => c.sourceId));
    expect(new Map(r.facets.person.map((p) => [p.id, p.count]))).toEqual(count((c) => c.attribution?.personId));
  });

  it("filters by status, person (id or slug) and source", async () => {
    const all = await search({ q: "Putin" });
    const status = all.facets.status[0]!;
    const byStatus = await allIds({ q: "Putin", status: status.value });
    expect(byStatus).toHaveLength(status.count);
    const statuses = await t.db.claim.findMany({ where: { id: { in: byStatus } }, select: { status: true } });
    expect(statuses.every((s) => s.status === status.value)).toBe(true);

    const bySlug = await allIds({ q: "Putin", person: "kassym-jomart-tokayev" });
    expect(bySlug.length).toBeGreaterThan(0);
    expect((await claimsOf("kassym-jomart-tokayev"))).toEqual(expect.arrayContaining(bySlug));

    const bySource = await search({ q: "Putin", source: "rferl-toqaev-moscow" });
    expect(bySource.items.length).toBeGreaterThan(0);
    expect(bySource.items.every((i) => i.source.id === "rferl-toqaev-moscow")).toBe(true);
    expect(bySource.facets.source.map((s) => s.id)).toEqual(["rferl-toqaev-moscow"]);

    expect((await get({ q: "Putin", person: "nobody-at-all" })).status).toBe(400);
    expect((await get({ q: "Putin", source: "no-such-source" })).status).toBe(400);
    expect((await get({ q: "Putin", status: "maybe" })).status).toBe(400);
  });

  it("pages with a cursor, in ranked order, without repeats", async () => {
    const one = (await search({ q: "oil", limit: "50" })).items.map((i) => i.id);
    expect(one.length).toBeGreaterThan(7);
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: SearchResult = await search({ q: "oil", limit: "3", ...(cursor ? { cursor } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(3);
      paged.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(paged).size).toBe(paged.length);
    expect(paged).toEqual(one);
    expect((await get({ q: "oil", cursor: "not-a-cursor" })).status).toBe(400);
  });

  it("finds a claim as soon as it is created, and a person under an alias added later", async () => {
    const sourceId = await newSource("Aardvark census", "The aardvark count in the reserve doubled over the decade.");
    const { id: personId } = await createPerson(t.db, { name: "Wanjiru Otieno" });
    const { id } = await createClaim(t.db, {
      sourceId, text: "The aardvark count doubled.", spans: [{ exact: "The aardvark count in the reserve doubled" }],
      attribution: { kind: "direct", personId },
    });
    expect((await search({ q: "aardvark" })).items.map((i) => i.id)).toEqual([id]);
    expect((await search({ q: "Otieno" })).items.map((i) => i.id)).toEqual([id]);
    expect((await search({ q: "Wanjiru Otieno-Kamau" })).items).toEqual([]);

    await addAlias(t.db, { personId, alias: "Wanjiru Otieno-Kamau" });
    expect((await search({ q: "Otieno-Kamau" })).items.map((i) => i.id)).toEqual([id]);
    const hit = (await search({ q: "Kamau" })).items[0]!;
    expect(hit.id).toBe(id);
    expect(hit.highlights.people!.filter((s) => s.match).map((s) => s.text)).toEqual(["Kamau"]);

    await t.db.source.update({ where: { id: sourceId }, data: { title: "Pangolin census" } });
    expect((await search({ q: "pangolin" })).items.map((i) => i.id)).toEqual([id]);
    await t.db.claim.update({ where: { id }, data: { status: "disputed" } });
    expect((await search({ q: "aardvark", status: "disputed" })).items.map((i) => i.id)).toEqual([id]);
    await expectIndexInSync(t);
  });

  it("follows a merge: the survivor's names find the merged person's claims", async () => {
    const sourceId = await newSource("Okapi report", "Okapi sightings rose, the warden said, after the road closed.");
    const { id: dupId } = await createPerson(t.db, { name: "Jean-Pierre Mbeki-Lusamba" });
    const { id: survivorId } = await createPerson(t.db, { name: "J. P. Lusamba" });
    const { id } = await createClaim(t.db, {
      sourceId, text: "Okapi sightings rose.", spans: [{ exact: "Okapi sightings rose" }], attribution: { kind: "indirect", personId: dupId },
    });
    await mergePeople(t.db, { actor: { id: "test", name: "Test" }, survivorId, mergedId: dupId });
    expect((await search({ q: "Lusamba okapi" })).items.map((i) => i.id)).toEqual([id]);
    expect((await search({ q: "okapi", person: survivorId })).items.map((i) => i.id)).toEqual([id]);
    await expectIndexInSync(t);
  });

  it("answers hostile or empty-of-words queries with 200, and a missing or empty q with 400", async () => {
    for (const q of [`"`, `*`, `NEAR(`, `)`, `(`, `NEAR(oil gas, 2)`, `oil OR`, `AND`, `NOT`, `text:oil`, `keys:ssupported`, `^oil`, `{text} : oil`, `🙂`, `Pesков`, `'; DROP TABLE "Claim"; --`, "x".repeat(200)]) {
      const { status, body } = await get({ q });
      expect(status, q).toBe(200);
      expect(Array.isArray(body.items), q).toBe(true);
    }
    expect((await search({ q: "keys ssupported" })).items).toEqual([]); // filter tokens are not searchable
    expect((await search({ q: "🙂" })).total).toEqual({ count: 0, capped: false });
    expect((await get({ q: "" })).status).toBe(400);
    expect((await get({ q: "   " })).status).toBe(400);
    expect((await get({})).status).toBe(400);
    expect((await get({ q: "x".repeat(201) })).status).toBe(400);
    expect((await get({ q: "oil", limit: "51" })).status).toBe(400);
    expect((await get({ q: "oil", extra: "1" })).status).toBe(400);
  });

  it("is the same search through the library function", async () => {
    const viaLib = await searchClaims(t.db, readDbFor(t.url), { q: "Peskov" });
    expect(viaLib).toEqual(await search({ q: "Peskov" }));
  });

  it("leaves the index in step with the data, as verify checks", async () => {
    await expectIndexInSync(t);
    const report = await verifyDatabase(t.db);
    expect(report.violations).toEqual([]);
  });
});
