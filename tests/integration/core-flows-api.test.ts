import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PATCH as patchClaimRoute } from "@/app/api/claims/[id]/route";
import { POST as postReviewRoute } from "@/app/api/claims/[id]/reviews/route";
import { GET as listClaimsRoute, POST as postClaimRoute } from "@/app/api/claims/route";
import { GET as exportRoute } from "@/app/api/export/route";
import { exportDump } from "@/lib/backup/export-dump";
import { importDump } from "@/lib/backup/import-dump";
import { mergePeople } from "@/lib/people/merge-people";
import { reviewQueue } from "@/lib/reviews/review-queue";
import { createTestActor, jsonRequest, type TestActor } from "../support/actors";
import { freshDatabase, type TestDatabase, useAsAppDatabase } from "../support/database";

// Issue 11's API changes: "changed since its verdict" and near-match speakers.
let t: TestDatabase;
let editor: TestActor;
beforeAll(async () => {
  t = await freshDatabase();
  useAsAppDatabase(t);
  editor = await createTestActor(t.db, "editor", "Erin Editor");
});
afterAll(() => t.cleanup());

const BASE = "http://verbatim.test";
const SOURCE = "rferl-toqaev-moscow";
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
type Json = Record<string, unknown> & { error?: { code: string; message: string; details?: Record<string, unknown> } };
const call = async (res: Promise<Response>) => {
  const r = await res;
  return { status: r.status, body: (await r.json()) as Json };
};
const postClaim = (body: unknown) => call(postClaimRoute(jsonRequest(`${BASE}/api/claims`, "POST", body, editor.auth), undefined));
const patchClaim = (id: string, body: unknown) => call(patchClaimRoute(jsonRequest(`${BASE}/api/claims/${id}`, "PATCH", body, editor.auth), ctx(id)));
const review = (id: string, body: unknown) => call(postReviewRoute(jsonRequest(`${BASE}/api/claims/${id}/reviews`, "POST", body, editor.auth), ctx(id)));
const list = async (query: string) => (await call(listClaimsRoute(new Request(`${BASE}/api/claims?${query}`), undefined))).body as { items: { id: string; changedSinceVerdict: boolean }[] };

async function newClaim(text: string, attribution: Record<string, unknown> = { kind: "publication" }) {
  const { status, body } = await postClaim({ sourceId: SOURCE, text, spans: [{ exact: "detials" }], attribution });
  expect(status, JSON.stringify(body)).toBe(201);
  return body as { id: string; version: number; changedSinceVerdict: boolean };
}

describe("a verdict belongs to a wording", () => {
  it("editing a reviewed claim's text marks it until the next review; the list, queue and export filter on it", async () => {
    const claim = await newClaim("The presidents would discuss the details.");
    expect(claim.changedSinceVerdict).toBe(false);
    const reviewed = await review(claim.id, { status: "supported", expectedVersion: 1 });
    expect(reviewed.body.changedSinceVerdict).toBe(false);
    const edited = await patchClaim(claim.id, { expectedVersion: 2, text: "The presidents would discuss the details in Moscow." });
    expect(edited.status).toBe(200);
    expect(edited.body.changedSinceVerdict).toBe(true);

    expect((await list("changedSinceVerdict=true&limit=100")).items.map((c) => c.id)).toEqual([claim.id]);
    const queue = await reviewQueue(t.db, { changedSinceVerdict: "true" });
    expect(queue.items.map((i) => i.id)).toEqual([claim.id]);
    expect(queue.items[0]!.changedSinceVerdict).toBe(true);
    const csv = await (await exportRoute(new Request(`${BASE}/api/export?format=csv&changedSinceVerdict=true`), undefined)).text();
    expect(csv).toContain(claim.id);
    expect(csv.trim().split("\n")).toHaveLength(2);

    const again = await review(claim.id, { status: "supported", expectedVersion: 3 });
    expect(again.body.changedSinceVerdict).toBe(false);
    expect((await list("changedSinceVerdict=true")).items).toEqual([]);
  });

  it("an unreviewed claim's edit, or a speaker merge, does not mark it", async () => {
    const claim = await newClaim("Nobody has judged this yet.");
    expect((await patchClaim(claim.id, { expectedVersion: 1, text: "Nobody has judged this one yet." })).body.changedSinceVerdict).toBe(false);

    const a = await newClaim("Aslan Bekov said the talks went well.", { kind: "direct", personName: "Aslan Bekov" });
    const b = await newClaim("Timur Ospanov said the talks failed.", { kind: "direct", personName: "Timur Ospanov" });
    await review(a.id, { status: "supported", expectedVersion: 1 });
    await review(b.id, { status: "supported", expectedVersion: 1 });
    const people = await t.db.attribution.findMany({ where: { claimId: { in: [a.id, b.id] } }, select: { claimId: true, personId: true } });
    const survivor = people.find((p) => p.claimId === a.id)!.personId!;
    const merged = people.find((p) => p.claimId === b.id)!.personId!;
    await mergePeople(t.db, { actor: { id: editor.id, name: "Erin Editor" }, survivorId: survivor, mergedId: merged });
    expect((await t.db.claim.findUniqueOrThrow({ where: { id: b.id } })).changedSinceVerdict).toBe(false);
  });

  it("a restore rebuilds the flag from the history", async () => {
    const lines: string[] = [];
    await exportDump(t.db, (line) => void lines.push(line));
    const copy = await freshDatabase({ seed: false });
    try {
      await importDump(copy.db, lines);
      const flagged = async (db: typeof t.db) => (await db.claim.findMany({ where: { changedSinceVerdict: true }, select: { id: true } })).map((c) => c.id).sort();
      expect(await flagged(copy.db)).toEqual(await flagged(t.db));
    } finally {
      await copy.cleanup();
    }
  });
});

describe("speakers are matched, not duplicated", () => {
  it.each([
    ["Toqayev", "kassym-jomart-tokayev"],
    ["Dmitri Peskov", "dmitry-peskov"],
    ["Anieri", "andrew-danieri"],
    ["Y. Sharifli", "yunis-sharifli"],
  ])("%s: 422 proposing %s, nothing written", async (typed, id) => {
    const before = await t.db.person.count();
    const { status, body } = await postClaim({ sourceId: SOURCE, text: "Someone said something.", spans: [{ exact: "detials" }], attribution: { kind: "direct", personName: typed } });
    expect(status).toBe(422);
    const candidates = body.error!.details!.candidates as { id: string; name: string; alias: string }[];
    expect(candidates.map((c) => c.id)).toContain(id);
    expect(candidates[0]).toEqual(expect.objectContaining({ id: expect.any(String), name: expect.any(String), alias: expect.any(String) }));
    expect(body.error!.message).toMatch(/newPerson/);
    expect(await t.db.person.count()).toBe(before);
  });

  it("newPerson: true (in the attribution or beside it) creates the person; an exact alias never asks", async () => {
    const inside = await newClaim("A namesake spoke.", { kind: "direct", personName: "Toqayev", newPerson: true });
    const person = await t.db.attribution.findUniqueOrThrow({ where: { claimId: inside.id }, select: { person: { select: { name: true, id: true } } } });
    expect(person.person).toMatchObject({ name: "Toqayev" });
    expect(person.person!.id).not.toBe("kassym-jomart-tokayev");
    const { status } = await postClaim({ sourceId: SOURCE, text: "Another namesake.", spans: [{ exact: "detials" }], attribution: { kind: "direct", personName: "Dmitri Peskov" }, newPerson: true });
    expect(status).toBe(201);
    const exact = await newClaim("Tokayev spoke.", { kind: "direct", personName: "TOKAYEV" });
    expect((await t.db.attribution.findUniqueOrThrow({ where: { claimId: exact.id } })).personId).toBe("kassym-jomart-tokayev");
  });

  it("an edit's speaker is matched the same way", async () => {
    const claim = await newClaim("Said by the outlet.");
    const { status, body } = await patchClaim(claim.id, { expectedVersion: 1, attribution: { kind: "indirect", personName: "Paddak" } });
    expect(status).toBe(422);
    expect((body.error!.details!.candidates as { id: string }[]).map((c) => c.id)).toEqual(["vlad-paddack"]);
    expect((await t.db.claim.findUniqueOrThrow({ where: { id: claim.id } })).version).toBe(1);
  });
});

describe("a person's identifiers (schema.org sameAs)", () => {
  it("an editor records them; ClaimReview publishes them with the person's reviewed claims; bad input changes nothing", async () => {
    const { PATCH: patchPersonRoute } = await import("@/app/api/people/[id]/route");
    const patch = (body: unknown, headers: Record<string, string> = editor.auth) =>
      call(patchPersonRoute(jsonRequest(`${BASE}/api/people/dmitry-peskov`, "PATCH", body, headers), ctx("dmitry-peskov")));
    expect((await patch({ sameAs: ["https://www.wikidata.org/wiki/Q4153604"] }, {})).status).toBe(401);
    const bad = await patch({ sameAs: ["javascript:alert(1)"] });
    expect(bad.status).toBe(422);
    expect(bad.body.error!.message).toMatch(/sameAs\.0/);
    const ok = await patch({ sameAs: ["https://www.wikidata.org/wiki/Q4153604", "https://www.wikidata.org/wiki/Q4153604"] });
    expect(ok.status).toBe(200);
    expect(ok.body.sameAs).toEqual(["https://www.wikidata.org/wiki/Q4153604"]);

    const claim = await newClaim("Peskov said the talks were useful.", { kind: "direct", personName: "Peskov" });
    const reviewed = await review(claim.id, { status: "supported", expectedVersion: 1 });
    expect(reviewed.status).toBe(201);
    const { GET: citeRoute } = await import("@/app/api/claims/[id]/cite/route");
    const res = await citeRoute(new Request(`${BASE}/api/claims/${claim.id}/cite?format=claimreview`), ctx(claim.id));
    const jsonLd = (await res.json()) as { itemReviewed: { author: { sameAs?: string[] } } };
    expect(jsonLd.itemReviewed.author.sameAs).toEqual(["https://www.wikidata.org/wiki/Q4153604"]);
  });
});
