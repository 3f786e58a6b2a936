import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELETE as deleteLinkRoute } from "@/app/api/claims/[id]/links/[linkId]/route";
import { GET as getLinksRoute, POST as postLinkRoute } from "@/app/api/claims/[id]/links/route";
import { getClaim } from "@/lib/claims/get-claim";
import type { ClaimLinkView } from "@/lib/links/list-links";
import { runSeed, SEED_LINKER } from "@/lib/seed/run-seed";
import { createTestActor, jsonRequest, type TestActor } from "../support/actors";
import { freshDatabase, type TestDatabase, useAsAppDatabase } from "../support/database";

// Cross-source claim links through the API, as Next calls it, on a real seeded SQLite file.
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
// The CPC oil-export dependence in both seed articles, linked by the seed data.
const RFERL_CPC = "rferl-cpc-80-percent-oil-exports";
const CASPIAN_CPC = "caspian-kazakhstan-reliant-on-cpc";
// Two claims with no seeded link.
const A = "toqaev-agreed-energy-partnership";
const B = "peskov-cpc-uninterrupted-operations";
const C = "rferl-cpc-black-sea-terminal";

type Json = Record<string, unknown> & { error?: { code: string; message: string; details?: Record<string, unknown> } };
async function call(res: Promise<Response>): Promise<{ status: number; body: Json }> {
  const r = await res;
  return { status: r.status, body: (await r.json()) as Json };
}
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const post = (id: string, body: unknown, headers: Record<string, string> = editor.auth) =>
  call(postLinkRoute(jsonRequest(`${BASE}/api/claims/${id}/links`, "POST", body, headers), ctx(id)));
const remove = (id: string, linkId: string, headers: Record<string, string> = editor.auth) =>
  call(deleteLinkRoute(new Request(`${BASE}/api/claims/${id}/links/${linkId}`, { method: "DELETE", headers }), { params: Promise.resolve({ id, linkId }) }));
async function list(id: string): Promise<ClaimLinkView[]> {
  const { status, body } = await call(getLinksRoute(new Request(`${BASE}/api/claims/${id}/links`), ctx(id)));
  expect(status).toBe(200);
  return body.items as ClaimLinkView[];
}
async function counts() {
  const [links, edits, claims] = await Promise.all([t.db.claimLink.count(), t.db.claimEdit.count(), t.db.claim.findMany({ select: { id: true, version: true } })]);
  return { links, edits, versions: Object.fromEntries(claims.map((c) => [c.id, c.version])) };
}
const linkEdits = async (claimId: string) =>
  (await t.db.claimEdit.findMany({ where: { claimId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }))
    .map((e) => ({ ...e, changes: JSON.parse(e.changes) as { link?: { from: unknown; to: unknown } } }))
    .filter((e) => e.changes.link);

describe("seeded link", () => {
  it("links the CPC oil-export claims of the two articles, shown from both ends", async () => {
    const [fromRferl] = await list(RFERL_CPC);
    expect(fromRferl).toMatchObject({
      kind: "corroborates",
      direction: "outgoing",
      createdByName: SEED_LINKER,
      claim: { id: CASPIAN_CPC, status: "stale", source: { id: "caspian-post-putin-kazakhstan", label: "Russia's Strategic Moves and Putin's November Visit to Kazakhstan" } },
    });
    expect(fromRferl!.note).toMatch(/same fact a year apart/i);
    const [fromCaspian] = await list(CASPIAN_CPC);
    expect(fromCaspian).toMatchObject({
      id: fromRferl!.id,
      kind: "corroborates",
      direction: "incoming",
      note: fromRferl!.note,
      claim: { id: RFERL_CPC, status: "supported", source: { id: "rferl-toqaev-moscow", label: "Untitled article (RFE/RL, date unknown)" } },
    });
    expect(new Date(fromRferl!.createdAt).toISOString()).toBe(fromRferl!.createdAt);
  });

  it("is seeded once: running the seed again adds no second link", async () => {
    const before = await counts();
    await runSeed(t.db);
    expect(await counts()).toEqual(before);
  });
});

describe("POST /api/claims/{id}/links", () => {
  let linkId = "";

  it("links two claims (201), shows the link from both, and records it in both histories without a new version", async () => {
    const before = await counts();
    const { status, body } = await post(A, { toClaimId: B, kind: "contradicts", note: "  Different accounts of the talks.  " });
    expect(status).toBe(201);
    expect(body).toMatchObject({ fromClaimId: A, toClaimId: B, kind: "contradicts", note: "Different accounts of the talks.", createdByName: "Erin Editor" });
    linkId = body.id as string;

    const after = await counts();
    expect(after).toEqual({ links: before.links + 1, edits: before.edits + 2, versions: before.versions });

    const [onA] = await list(A);
    expect(onA).toMatchObject({ id: linkId, direction: "outgoing", kind: "contradicts", claim: { id: B, status: "unreviewed" } });
    const [onB] = await list(B);
    expect(onB).toMatchObject({ id: linkId, direction: "incoming", kind: "contradicts", claim: { id: A } });

    const claimA = await t.db.claim.findUniqueOrThrow({ where: { id: A } });
    const claimB = await t.db.claim.findUniqueOrThrow({ where: { id: B } });
    const [editA] = await linkEdits(A);
    expect(editA).toMatchObject({ kind: "edit", version: claimA.version, actorId: editor.id, actorName: "Erin Editor" });
    expect(editA!.changes).toEqual({
      link: { from: null, to: { id: linkId, kind: "contradicts", direction: "outgoing", claimId: B, claimText: claimB.text, note: "Different accounts of the talks." } },
    });
    const [editB] = await linkEdits(B);
    expect(editB).toMatchObject({ kind: "edit", version: claimB.version });
    expect(editB!.changes.link).toEqual({ from: null, to: expect.objectContaining({ direction: "incoming", claimId: A, claimText: claimA.text }) });
    // The claim API's history carries it too.
    expect((await getClaim(t.db, B)).edits.at(-1)!.changes).toEqual(editB!.changes);
  });

  it("accepts a pasted URL of the other claim, and no note", async () => {
    const { status, body } = await post(A, { toClaimId: `${BASE}/claims/${C}?x=1#top`, kind: "corroborates" });
    expect(status).toBe(201);
    expect(body).toMatchObject({ toClaimId: C, note: null });
    expect((await list(A)).map((l) => l.claim.id)).toEqual([B, C]);
  });

  it("refuses, with nothing written, every bad request", async () => {
    const before = await counts();
    const cases: [string, () => Promise<{ status: number; body: Json }>, number, string][] = [
      ["no credentials", () => post(A, { toClaimId: C, kind: "corroborates" }, {}), 401, "unauthorized"],
      ["a bad token", () => post(A, { toClaimId: C, kind: "corroborates" }, { authorization: "Bearer vbt_nope" }), 401, "unauthorized"],
      ["a reader", () => post(A, { toClaimId: RFERL_CPC, kind: "corroborates" }, reader.auth), 403, "forbidden"],
      ["an unknown claim", () => post("no-such-claim", { toClaimId: A, kind: "corroborates" }), 404, "not_found"],
      ["the same link again", () => post(A, { toClaimId: B, kind: "corroborates" }), 409, "conflict"],
      ["the reverse of an existing link", () => post(B, { toClaimId: A, kind: "corroborates" }), 409, "conflict"],
      ["the reverse of the seeded link", () => post(CASPIAN_CPC, { toClaimId: RFERL_CPC, kind: "contradicts" }), 409, "conflict"],
      ["a self-link", () => post(A, { toClaimId: A, kind: "corroborates" }), 422, "unprocessable"],
      ["a self-link by URL", () => post(A, { toClaimId: `${BASE}/claims/${A}`, kind: "corroborates" }), 422, "unprocessable"],
      ["an unknown target", () => post(A, { toClaimId: "no-such-claim", kind: "corroborates" }), 422, "unprocessable"],
      ["an unknown kind", () => post(A, { toClaimId: RFERL_CPC, kind: "supports" }), 422, "unprocessable"],
      ["a missing target", () => post(A, { kind: "corroborates" }), 422, "unprocessable"],
      ["an unknown field", () => post(A, { toClaimId: RFERL_CPC, kind: "corroborates", weight: 2 }), 422, "unprocessable"],
      ["a note too long", () => post(A, { toClaimId: RFERL_CPC, kind: "corroborates", note: "x".repeat(1001) }), 422, "unprocessable"],
      ["invalid JSON", () => post(A, "{not json"), 400, "invalid_json"],
      [
        "a body that is not JSON",
        () => call(postLinkRoute(new Request(`${BASE}/api/claims/${A}/links`, { method: "POST", headers: editor.auth, body: "toClaimId=x" }), ctx(A))),
        400,
        "bad_request",
      ],
    ];
    for (const [what, response, status, code] of cases) {
      const { status: got, body } = await response();
      expect({ what, status: got, code: body.error?.code }).toEqual({ what, status, code });
      expect(body.error!.message.length, what).toBeGreaterThan(0);
    }
    const conflict = await post(B, { toClaimId: A, kind: "corroborates" });
    expect(conflict.body.error!.details).toEqual({ linkId });
    expect(await counts()).toEqual(before);
  });
});

describe("DELETE /api/claims/{id}/links/{linkId}", () => {
  it("refuses readers, strangers and links that are not the claim's, with nothing written", async () => {
    const [link] = await list(B);
    const before = await counts();
    expect((await remove(B, link!.id, {})).status).toBe(401);
    expect((await remove(B, link!.id, reader.auth)).status).toBe(403);
    expect((await remove("no-such-claim", link!.id)).status).toBe(404);
    expect((await remove(B, "no-such-link")).status).toBe(404);
    expect((await remove(C, link!.id)).status).toBe(404); // the A–B link is not C's
    expect(await counts()).toEqual(before);
  });

  it("removes a link from its other end (200), and records the removal in both histories", async () => {
    const [link] = await list(B);
    const before = await counts();
    const { status, body } = await remove(B, link!.id);
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: link!.id, fromClaimId: A, toClaimId: B, kind: "contradicts" });
    expect(await list(B)).toEqual([]);
    expect((await list(A)).map((l) => l.claim.id)).toEqual([C]);
    expect(await counts()).toEqual({ links: before.links - 1, edits: before.edits + 2, versions: before.versions });

    const removedOnA = (await linkEdits(A)).find((e) => e.changes.link!.to === null)!;
    expect(removedOnA.changes.link).toEqual({ from: expect.objectContaining({ id: link!.id, direction: "outgoing", claimId: B }), to: null });
    const onB = await linkEdits(B);
    expect(onB.map((e) => [e.changes.link!.from === null, e.changes.link!.to === null])).toEqual([
      [true, false], // created
      [false, true], // removed
    ]);
    expect((await remove(B, link!.id)).status).toBe(404);
  });

  it("lets the pair be linked again once the link is gone", async () => {
    const { status } = await post(B, { toClaimId: A, kind: "corroborates" });
    expect(status).toBe(201);
    expect((await list(A)).find((l) => l.claim.id === B)).toMatchObject({ direction: "incoming", kind: "corroborates" });
  });
});

describe("GET /api/claims/{id}/links", () => {
  it("is public, and 404 for an unknown claim", async () => {
    const { status, body } = await call(getLinksRoute(new Request(`${BASE}/api/claims/no-such-claim/links`), ctx("no-such-claim")));
    expect(status).toBe(404);
    expect(body.error!.code).toBe("not_found");
    expect(await list("rferl-cpc-pumps-western-kazakhstan")).toEqual([]);
  });
});
