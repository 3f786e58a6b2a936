import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELETE as removeAliasRoute } from "@/app/api/people/[id]/aliases/[aliasId]/route";
import { POST as addAliasRoute } from "@/app/api/people/[id]/aliases/route";
import { POST as mergeRoute } from "@/app/api/people/[id]/merge/route";
import { GET as getPersonRoute } from "@/app/api/people/[id]/route";
import { POST as createPersonRoute } from "@/app/api/people/route";
import { GET as listClaimsRoute } from "@/app/api/claims/route";
import { createClaim } from "@/lib/claims/create-claim";
import { AppError } from "@/lib/errors";
import { createPerson } from "@/lib/people/create-person";
import { mergePeople } from "@/lib/people/merge-people";
import { resolvePersonId } from "@/lib/people/resolve-person-id";
import { createTestActor, jsonRequest, type TestActor } from "../support/actors";
import { freshDatabase, type TestDatabase, useAsAppDatabase } from "../support/database";

// People write API (create, aliases, merge), called as Next calls it, on a real SQLite file.
let t: TestDatabase;
let editor: TestActor;
let reader: TestActor;
beforeAll(async () => {
  t = await freshDatabase();
  useAsAppDatabase(t);
  editor = await createTestActor(t.db, "editor", "Erin Editor");
  reader = await createTestActor(t.db, "reader");
});
afterAll(() => t.cleanup());

const BASE = "http://verbatim.test";
const CASPIAN = "caspian-post-putin-kazakhstan";
const ctx = <P extends Record<string, string>>(params: P) => ({ params: Promise.resolve(params) });

type Json = Record<string, unknown> & { error?: { code: string; message: string } };
async function body(res: Response): Promise<Json> {
  return (await res.json()) as Json;
}

let claimCounter = 0;
/** A claim attributed to a person, quoting the start of a seeded source. */
async function claimFor(personId: string): Promise<string> {
  claimCounter += 1;
  const { id } = await createClaim(t.db, {
    sourceId: CASPIAN,
    text: `Test claim ${claimCounter}`,
    spans: [{ start: claimCounter, end: claimCounter + 20 }],
    attribution: { kind: "indirect", personId },
  });
  return id;
}

async function person(name: string, aliases: string[] = []): Promise<string> {
  return (await createPerson(t.db, { name, aliases })).id;
}

const merge = (survivorId: string, payload: unknown, headers: Record<string, string> = editor.auth) =>
  mergeRoute(jsonRequest(`${BASE}/api/people/${survivorId}/merge`, "POST", payload, headers), ctx({ id: survivorId }));
const getPerson = (id: string) => getPersonRoute(new Request(`${BASE}/api/people/${id}`), ctx({ id }));

/** Everything a people mutation could touch, to show that a refused one wrote nothing. */
async function snapshot() {
  const [people, aliases, attributions, claims, edits, merges] = await Promise.all([
    t.db.person.findMany({ orderBy: { id: "asc" } }),
    t.db.personAlias.findMany({ orderBy: { id: "asc" } }),
    t.db.attribution.findMany({ orderBy: { id: "asc" }, select: { claimId: true, personId: true } }),
    t.db.claim.findMany({ orderBy: { id: "asc" }, select: { id: true, version: true, updatedAt: true } }),
    t.db.claimEdit.count(),
    t.db.personMerge.findMany({ orderBy: { id: "asc" } }),
  ]);
  return { people, aliases, attributions, claims, edits, merges };
}

describe("POST /api/people", () => {
  it("creates a person whose name is one of their aliases (201)", async () => {
    const res = await createPersonRoute(
      jsonRequest(`${BASE}/api/people`, "POST", { name: "Zhanna Test", aliases: ["Žanna Test"], description: "Test person" }, editor.auth),
      undefined,
    );
    expect(res.status).toBe(201);
    const created = await body(res);
    expect(created).toMatchObject({ name: "Zhanna Test", slug: "zhanna-test", description: "Test person", claims: [] });
    expect(created.aliases).toEqual(expect.arrayContaining(["Zhanna Test", "Žanna Test"]));
    expect(res.headers.get("location")).toBe(`${BASE}/api/people/${String(created.id)}`);
  });

  it.each([
    ["no credentials", {}, { name: "X" }, 401, "unauthorized"],
    ["a reader", "reader", { name: "X" }, 403, "forbidden"],
    ["malformed JSON", "editor", "{name:", 400, "invalid_json"],
    ["an empty name", "editor", { name: "  " }, 422, "unprocessable"],
    ["a chosen id", "editor", { id: "chosen", name: "X" }, 422, "unprocessable"],
  ])("refuses %s and writes nothing", async (_label, who, payload, status, code) => {
    const before = await snapshot();
    const headers = who === "editor" ? editor.auth : who === "reader" ? reader.auth : {};
    const res = await createPersonRoute(jsonRequest(`${BASE}/api/people`, "POST", payload, headers), undefined);
    expect(res.status).toBe(status);
    expect((await body(res)).error?.code).toBe(code);
    expect(await snapshot()).toEqual(before);
  });
});

describe("aliases", () => {
  let personId: string;
  beforeAll(async () => {
    personId = await person("Alibek Test");
  });
  const add = (id: string, payload: unknown, headers: Record<string, string> = editor.auth) =>
    addAliasRoute(jsonRequest(`${BASE}/api/people/${id}/aliases`, "POST", payload, headers), ctx({ id }));
  const remove = (id: string, aliasId: string, headers: Record<string, string> = editor.auth) =>
    removeAliasRoute(new Request(`${BASE}/api/people/${id}/aliases/${aliasId}`, { method: "DELETE", headers }), ctx({ id, aliasId }));

  it("adds an alias (201) and removes it again (200)", async () => {
    const res = await add(personId, { alias: "  Älibek  " });
    expect(res.status).toBe(201);
    const created = await body(res);
    expect(created).toMatchObject({ personId, alias: "Älibek" });
    expect(await t.db.personAlias.findUnique({ where: { id: String(created.id) } })).toMatchObject({ folded: "alibek" });

    const removed = await remove(personId, String(created.id));
    expect(removed.status).toBe(200);
    expect(await body(removed)).toEqual({ id: created.id, personId, alias: "Älibek" });
    expect(await t.db.personAlias.count({ where: { id: String(created.id) } })).toBe(0);
  });

  it("GET lists alias ids for removal", async () => {
    const detail = await body(await getPerson(personId));
    expect(detail.aliasEntries).toEqual([{ id: expect.any(String), alias: "Alibek Test" }]);
  });

  it("refuses bad alias requests precisely and writes nothing", async () => {
    const nameAlias = await t.db.personAlias.findFirstOrThrow({ where: { personId, alias: "Alibek Test" } });
    const other = await t.db.personAlias.findFirstOrThrow({ where: { personId: { not: personId } } });
    const cases: [string, () => Promise<Response>, number, string, RegExp?][] = [
      ["duplicate", () => add(personId, { alias: "Alibek Test" }), 409, "conflict", /already has the alias/],
      ["no credentials", () => add(personId, { alias: "A" }, {}), 401, "unauthorized"],
      ["reader", () => add(personId, { alias: "A" }, reader.auth), 403, "forbidden"],
      ["malformed JSON", () => add(personId, "{"), 400, "invalid_json"],
      ["empty alias", () => add(personId, { alias: "" }), 422, "unprocessable", /alias/],
      ["extra field", () => add(personId, { alias: "A", kind: "x" }), 422, "unprocessable"],
      ["unknown person", () => add("nobody-here", { alias: "A" }), 404, "not_found"],
      ["removing the name", () => remove(personId, nameAlias.id), 422, "unprocessable", /name/],
      ["unknown alias", () => remove(personId, "no-such-alias"), 404, "not_found"],
      ["another person's alias", () => remove(personId, other.id), 404, "not_found"],
      ["removal by a reader", () => remove(personId, nameAlias.id, reader.auth), 403, "forbidden"],
    ];
    for (const [label, call, status, code, message] of cases) {
      const before = await snapshot();
      const res = await call();
      const err = (await body(res)).error;
      expect({ label, status: res.status, code: err?.code }).toEqual({ label, status, code });
      if (message) expect(err?.message).toMatch(message);
      expect(await snapshot()).toEqual(before);
    }
  });
});

describe("merging people", () => {
  it("moves a transliteration pair's claims, aliases and history to the survivor", async () => {
    const survivorId = await person("Jomart Tokayev", ["Tokayev J."]);
    const mergedId = await person("Jomart Toqaev", ["Toqaev J.", "tokayev j."]);
    const kept = await claimFor(survivorId);
    const moved = [await claimFor(mergedId), await claimFor(mergedId)].sort();
    const mergedSlug = (await t.db.person.findUniqueOrThrow({ where: { id: mergedId } })).slug;

    const res = await merge(survivorId, { mergedId });
    expect(res.status).toBe(200);
    const result = await body(res);
    expect(result.merged).toEqual({ id: mergedId, name: "Jomart Toqaev", slug: mergedSlug });
    expect(result.movedClaims).toEqual(moved);
    expect(result.survivor).toMatchObject({ id: survivorId, name: "Jomart Tokayev" });
    expect((result.survivor as { claims: unknown[] }).claims).toHaveLength(3);

    // Claims follow, each with a new version and a history entry naming both people and the editor.
    const attributions = await t.db.attribution.findMany({ where: { claimId: { in: [kept, ...moved] } } });
    expect(attributions.every((a) => a.personId === survivorId)).toBe(true);
    const versions = await t.db.claim.findMany({ where: { id: { in: [kept, ...moved] } }, select: { id: true, version: true } });
    expect(Object.fromEntries(versions.map((c) => [c.id, c.version]))).toEqual({ [kept]: 1, [moved[0]!]: 2, [moved[1]!]: 2 });
    const edits = await t.db.claimEdit.findMany({ where: { claimId: { in: [kept, ...moved] } }, orderBy: { claimId: "asc" } });
    expect(edits.map((e) => e.claimId)).toEqual(moved);
    for (const e of edits) {
      expect(e).toMatchObject({ kind: "person-merge", version: 2, actorId: editor.id, actorName: "Erin Editor" });
      expect(JSON.parse(e.changes)).toEqual({
        person: { from: { id: mergedId, name: "Jomart Toqaev" }, to: { id: survivorId, name: "Jomart Tokayev" } },
      });
    }

    // Aliases: the merged name and spellings join, a folded duplicate does not.
    const aliases = (await t.db.personAlias.findMany({ where: { personId: survivorId } })).map((a) => a.alias).sort();
    expect(aliases).toEqual(["Jomart Tokayev", "Jomart Toqaev", "Tokayev J.", "Toqaev J."]);
    expect(await t.db.person.count({ where: { id: mergedId } })).toBe(0);
    expect(await t.db.personAlias.count({ where: { personId: mergedId } })).toBe(0);

    const record = await t.db.personMerge.findUniqueOrThrow({ where: { mergedId } });
    expect(record).toMatchObject({ survivorId, mergedName: "Jomart Toqaev", mergedSlug, actorId: editor.id, actorName: "Erin Editor" });
    expect(JSON.parse(record.claimIds)).toEqual(moved);

    // The old id and slug still lead to the survivor.
    for (const old of [mergedId, mergedSlug]) {
      expect(await resolvePersonId(t.db, old)).toMatchObject({ id: survivorId, mergedFrom: old });
      const redirect = await getPerson(old);
      expect(redirect.status).toBe(308);
      expect(redirect.headers.get("location")).toBe(`${BASE}/api/people/${survivorId}`);
      expect((await body(redirect)).mergedInto).toMatchObject({ id: survivorId });
    }
    const listed = await body(await listClaimsRoute(new Request(`${BASE}/api/claims?person=${mergedId}&limit=100`), undefined));
    expect((listed.items as { id: string }[]).map((c) => c.id).sort()).toEqual([kept, ...moved].sort());

    const survivor = await body(await getPerson(survivorId));
    expect(survivor.mergedFrom).toEqual([
      { id: mergedId, name: "Jomart Toqaev", slug: mergedSlug, claimCount: 2, actorName: "Erin Editor", mergedAt: expect.any(String) },
    ]);
  });

  it("keeps a chain of merges resolving to the last survivor (A→B, then B→C)", async () => {
    const [a, b, c] = [await person("Chain A"), await person("Chain B"), await person("Chain C")];
    const claimA = await claimFor(a);
    expect((await merge(b, { mergedId: a })).status).toBe(200);
    expect((await merge(c, { mergedId: b })).status).toBe(200);

    expect(await resolvePersonId(t.db, a)).toMatchObject({ id: c, mergedFrom: a });
    expect((await getPerson(a)).headers.get("location")).toBe(`${BASE}/api/people/${c}`);
    expect(await t.db.personMerge.findUniqueOrThrow({ where: { mergedId: a } })).toMatchObject({ survivorId: c });
    expect(await t.db.attribution.findUniqueOrThrow({ where: { claimId: claimA } })).toMatchObject({ personId: c });
    // Moved twice: two versions, two history entries.
    expect(await t.db.claim.findUniqueOrThrow({ where: { id: claimA } })).toMatchObject({ version: 3 });
    expect((await t.db.claimEdit.findMany({ where: { claimId: claimA }, orderBy: { version: "asc" } })).map((e) => e.version)).toEqual([2, 3]);
    const names = ((await body(await getPerson(c))).mergedFrom as { name: string }[]).map((m) => m.name).sort();
    expect(names).toEqual(["Chain A", "Chain B"]);
    expect((await t.db.personAlias.findMany({ where: { personId: c } })).map((x) => x.alias).sort()).toEqual(["Chain A", "Chain B", "Chain C"]);
  });

  it("accepts a merge through the survivor's old id and expectedVersions that match", async () => {
    const [a, b, c] = [await person("Old A"), await person("Old B"), await person("Old C")];
    const claimC = await claimFor(c);
    await merge(b, { mergedId: a });
    const res = await merge(a, { mergedId: c, expectedVersions: { [claimC]: 1 } });
    expect(res.status).toBe(200);
    expect((await body(res)).survivor).toMatchObject({ id: b });
  });

  describe("refusals write nothing", () => {
    let survivorId: string;
    let mergedId: string;
    let mergedClaim: string;
    let goneId: string;
    beforeAll(async () => {
      survivorId = await person("Refusal Survivor");
      mergedId = await person("Refusal Merged");
      mergedClaim = await claimFor(mergedId);
      goneId = await person("Refusal Gone");
      await merge(survivorId, { mergedId: goneId });
    });

    it.each([
      ["no credentials", () => merge(survivorId, { mergedId }, {}), 401, "unauthorized"],
      ["a reader", () => merge(survivorId, { mergedId }, reader.auth), 403, "forbidden"],
      ["a malformed token", () => merge(survivorId, { mergedId }, { authorization: "Bearer nope" }), 401, "unauthorized"],
      ["malformed JSON", () => merge(survivorId, '{"mergedId": '), 400, "invalid_json"],
      ["a body that is not JSON", () => merge(survivorId, "mergedId=x", { ...editor.auth, "content-type": "text/plain" }), 400, "bad_request"],
      ["a self-merge", () => merge(survivorId, { mergedId: survivorId }), 422, "unprocessable", /themselves/],
      ["a self-merge by slug", () => merge(survivorId, { mergedId: "refusal-survivor" }), 422, "unprocessable"],
      ["a missing mergedId", () => merge(survivorId, {}), 422, "unprocessable", /mergedId/],
      ["a non-string mergedId", () => merge(survivorId, { mergedId: 7 }), 422, "unprocessable", /mergedId/],
      ["an unknown field", () => merge(survivorId, { mergedId, survivorId }), 422, "unprocessable"],
      ["a fractional expected version", () => merge(survivorId, { mergedId, expectedVersions: { x: 1.5 } }), 422, "unprocessable"],
      ["an unknown survivor", () => merge("nobody-here", { mergedId }), 404, "not_found", /nobody-here/],
      ["an unknown mergedId", () => merge(survivorId, { mergedId: "nobody-here" }), 404, "not_found", /mergedId/],
      ["an already merged mergedId", () => merge(survivorId, { mergedId: goneId }), 409, "conflict", /already merged/],
    ] as [string, () => Promise<Response>, number, string, RegExp?][])("refuses %s", async (_label, call, status, code, message) => {
      const before = await snapshot();
      const res = await call();
      expect(res.status).toBe(status);
      const err = (await body(res)).error;
      expect(err?.code).toBe(code);
      if (message) expect(err?.message).toMatch(message);
      expect(await snapshot()).toEqual(before);
    });

    it("refuses a stale expected version with 409", async () => {
      const before = await snapshot();
      const res = await merge(survivorId, { mergedId, expectedVersions: { [mergedClaim]: 5 } });
      expect(res.status).toBe(409);
      expect((await body(res)).error?.message).toMatch(/changed since version 5/);
      expect(await snapshot()).toEqual(before);
    });
  });

  describe("rolls back a merge that fails part-way", () => {
    it("undoes earlier claim updates when a later claim is stale", async () => {
      const survivorId = await person("Rollback Survivor");
      const mergedId = await person("Rollback Merged", ["Rollback Spelling"]);
      const claims = [await claimFor(mergedId), await claimFor(mergedId), await claimFor(mergedId)].sort();
      const before = await snapshot();
      // The last claim (in merge order) is stale, so the first two have already been bumped when it fails.
      const err = await mergePeople(t.db, {
        actor: { id: editor.id, name: "Erin Editor" },
        survivorId,
        mergedId,
        expectedVersions: { [claims[2]!]: 9 },
      }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe("conflict");
      expect(await snapshot()).toEqual(before);
    });

    it("undoes everything when the merge record cannot be written at the end", async () => {
      // A person re-created under an id that was merged away: the merge record's unique
      // mergedId fails only after claims, history and aliases have been written.
      const first = await person("Ghost Survivor");
      await createPerson(t.db, { id: "ghost-person", name: "Ghost" });
      await merge(first, { mergedId: "ghost-person" });
      await createPerson(t.db, { id: "ghost-person", name: "Ghost Again", aliases: ["Ghostly"] });
      await claimFor("ghost-person");
      const second = await person("Ghost Second");
      const before = await snapshot();
      const res = await merge(second, { mergedId: "ghost-person" });
      expect(res.status).toBe(409);
      expect((await body(res)).error?.message).toMatch(/unique value/);
      expect(await snapshot()).toEqual(before);
    });

    it("writes nothing for a survivor that does not exist", async () => {
      const mergedId = await person("Orphan Merged");
      await claimFor(mergedId);
      const before = await snapshot();
      const err = await mergePeople(t.db, { actor: { id: editor.id, name: "Erin Editor" }, survivorId: "no-such-survivor", mergedId }).catch(
        (e: unknown) => e,
      );
      expect((err as AppError).code).toBe("not_found");
      expect(await snapshot()).toEqual(before);
    });
  });
});
