import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PATCH as patchClaimRoute } from "@/app/api/claims/[id]/route";
import { POST as postReviewRoute } from "@/app/api/claims/[id]/reviews/route";
import { POST as postClaimRoute } from "@/app/api/claims/route";
import { createTestActor, jsonRequest, type TestActor } from "../support/actors";
import { freshDatabase, type TestDatabase, useAsAppDatabase } from "../support/database";

// The write API for claims and reviews, called as Next calls it, on a real SQLite file.
let t: TestDatabase;
let editor: TestActor;
let admin: TestActor;
let reader: TestActor;
beforeAll(async () => {
  t = await freshDatabase();
  useAsAppDatabase(t);
  editor = await createTestActor(t.db, "editor", "Erin Editor");
  admin = await createTestActor(t.db, "admin", "Ada Admin");
  reader = await createTestActor(t.db, "reader");
});
afterAll(() => t.cleanup());

const BASE = "http://verbatim.test";
const SOURCE = "rferl-toqaev-moscow";
const CLAIM = "toqaev-agreed-energy-partnership";
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });

type Json = Record<string, unknown> & { error?: { code: string; message: string; details?: Record<string, unknown> } };
async function call(res: Promise<Response>): Promise<{ status: number; body: Json }> {
  const r = await res;
  return { status: r.status, body: (await r.json()) as Json };
}
const postClaim = (body: unknown, headers: Record<string, string> = editor.auth) =>
  call(postClaimRoute(jsonRequest(`${BASE}/api/claims`, "POST", body, headers), undefined));
const patchClaim = (id: string, body: unknown, headers: Record<string, string> = editor.auth) =>
  call(patchClaimRoute(jsonRequest(`${BASE}/api/claims/${id}`, "PATCH", body, headers), ctx(id)));
const review = (id: string, body: unknown, headers: Record<string, string> = editor.auth) =>
  call(postReviewRoute(jsonRequest(`${BASE}/api/claims/${id}/reviews`, "POST", body, headers), ctx(id)));

async function counts() {
  const [claims, spans, reviews, edits, people, attributions] = await Promise.all([
    t.db.claim.count(), t.db.span.count(), t.db.review.count(), t.db.claimEdit.count(), t.db.person.count(), t.db.attribution.count(),
  ]);
  return { claims, spans, reviews, edits, people, attributions };
}
const version = async (id: string) => (await t.db.claim.findUniqueOrThrow({ where: { id } })).version;

const goodClaim = {
  sourceId: SOURCE,
  text: "Peskov said the presidents would discuss the details.",
  spans: [{ exact: "detials" }],
  attribution: { kind: "indirect", personName: "Peskov", role: "Kremlin spokesman" },
};

describe("POST /api/claims", () => {
  it("creates a claim with a verbatim span, finds the speaker by alias, and records who created it", async () => {
    const before = await counts();
    const { status, body } = await postClaim(goodClaim);
    expect(status).toBe(201);
    const spans = body.spans as { exact: string; start: number; prefix: string }[];
    expect(spans[0]!.exact).toBe("detials");
    const source = await t.db.source.findUniqueOrThrow({ where: { id: SOURCE } });
    expect([...source.text].slice(spans[0]!.start, spans[0]!.start + 7).join("")).toBe("detials");
    expect((body.attribution as { person: { id: string } }).person.id).toBe("dmitry-peskov");
    const edits = body.edits as { kind: string; actorName: string; version: number }[];
    expect(edits).toHaveLength(1);
    expect(edits[0]).toMatchObject({ kind: "edit", actorName: "Erin Editor", version: 1 });
    expect(await counts()).toEqual({ ...before, claims: before.claims + 1, spans: before.spans + 1, edits: before.edits + 1, attributions: before.attributions + 1 });
  });

  it("takes spans as offsets and several spans per claim", async () => {
    const source = await t.db.source.findUniqueOrThrow({ where: { id: SOURCE } });
    const cps = [...source.text];
    const at = source.text.indexOf("Toqaev");
    const start = [...source.text.slice(0, at)].length;
    const { status, body } = await postClaim({
      ...goodClaim,
      text: "Two parts",
      spans: [{ start, end: start + 6 }, { exact: "detials" }],
      attribution: { kind: "publication" },
    });
    expect(status).toBe(201);
    const spans = body.spans as { exact: string }[];
    expect(spans.map((s) => s.exact).sort()).toEqual(["Toqaev", "detials"].sort());
    expect(cps.slice(start, start + 6).join("")).toBe("Toqaev");
  });

  it("creates a new person for an unknown speaker name", async () => {
    const { status, body } = await postClaim({ ...goodClaim, attribution: { kind: "direct", personName: "Zhanna Newcomer", role: "analyst" } });
    expect(status).toBe(201);
    const person = (body.attribution as { person: { name: string } }).person;
    expect(person.name).toBe("Zhanna Newcomer");
  });

  it("refuses a quote that is not in the source with 422 and nothing written", async () => {
    const before = await counts();
    const { status, body } = await postClaim({ ...goodClaim, spans: [{ exact: "details" }] });
    expect(status).toBe(422);
    expect(body.error!.message).toMatch(/spans\.0/);
    expect(await counts()).toEqual(before);
  });

  it("gives the candidate positions of an ambiguous quote", async () => {
    const { status, body } = await postClaim({ ...goodClaim, spans: [{ exact: "Toqaev" }] });
    expect(status).toBe(422);
    const candidates = body.error!.details!.candidates as { start: number; end: number }[];
    expect(candidates.length).toBeGreaterThan(1);
    for (const c of candidates) expect(c.end - c.start).toBe(6);
  });
});

describe("PATCH /api/claims/{id}", () => {
  it("edits text, spans and attribution at the expected version and records before and after", async () => {
    const { body: created } = await postClaim({ ...goodClaim, text: "To be edited" });
    const id = created.id as string;
    const { status, body } = await patchClaim(id, {
      expectedVersion: 1,
      text: "Edited text",
      spans: [{ exact: "Toqaev", hint: 0 }],
      attribution: { kind: "direct", personId: "kassym-jomart-tokayev", role: "President" },
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({ text: "Edited text", version: 2 });
    const edits = body.edits as { changes: Record<string, { from: unknown; to: unknown }>; version: number }[];
    expect(edits).toHaveLength(2);
    expect(edits[1]!.version).toBe(2);
    expect(edits[1]!.changes.text).toEqual({ from: "To be edited", to: "Edited text" });
    expect(Object.keys(edits[1]!.changes).sort()).toEqual(["attribution", "spans", "text"]);
  });

  it("answers 409 with what changed when the claim moved on", async () => {
    const { body: created } = await postClaim({ ...goodClaim, text: "Conflict target" });
    const id = created.id as string;
    expect((await review(id, { status: "supported", rationale: "checked", expectedVersion: 1 })).status).toBe(201);
    const before = await counts();
    const { status, body } = await patchClaim(id, { expectedVersion: 1, text: "Overwrite attempt" });
    expect(status).toBe(409);
    expect(body.error!.details).toMatchObject({ expectedVersion: 1, currentVersion: 2, current: { status: "supported", text: "Conflict target" } });
    const changes = body.error!.details!.changes as { type: string; to: string; by: string }[];
    expect(changes).toEqual([expect.objectContaining({ type: "review", to: "supported", by: "Erin Editor" })]);
    expect(await counts()).toEqual(before);
    expect((await t.db.claim.findUniqueOrThrow({ where: { id } })).text).toBe("Conflict target");
  });
});

describe("POST /api/claims/{id}/reviews", () => {
  it("marks a claim disputed with rationale and evidence; the history keeps every step", async () => {
    const v = await version(CLAIM);
    const { status, body } = await review(CLAIM, {
      status: "disputed",
      rationale: "The 2024 report says otherwise.",
      expectedVersion: v,
      evidence: [
        { type: "url", url: "https://example.org/report" },
        { type: "claim", claimId: "toqaev-discussed-gas-cooperation" },
        { type: "span", sourceId: "caspian-post-putin-kazakhstan", span: { exact: "CPC" , hint: 0 } },
      ],
    });
    expect(status).toBe(201);
    expect(body).toMatchObject({ status: "disputed", version: v + 1 });
    const reviews = body.reviews as { toStatus: string; reviewerName: string; evidence: { type: string; exact?: string }[]; version: number }[];
    const last = reviews.at(-1)!;
    expect(last).toMatchObject({ toStatus: "disputed", reviewerName: "Erin Editor", version: v + 1 });
    expect(last.evidence.map((e) => e.type)).toEqual(["url", "claim", "span"]);
    expect(last.evidence[2]!.exact).toBe("CPC");
    // Back to unreviewed, by an admin: appended, not rewritten.
    const back = await review(CLAIM, { status: "unreviewed", expectedVersion: v + 1 }, admin.auth);
    expect(back.status).toBe(201);
    expect((back.body.reviews as unknown[]).length).toBe(reviews.length + 1);
  });

  it("lets exactly one of twenty concurrent reviews at the same version through", async () => {
    const { body: created } = await postClaim({ ...goodClaim, text: "Race target" });
    const id = created.id as string;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => review(id, { status: i % 2 ? "supported" : "stale", rationale: `reviewer ${i}`, expectedVersion: 1 })),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    expect(await t.db.review.count({ where: { claimId: id } })).toBe(1);
    expect(await version(id)).toBe(2);
  });
});

// Every error case of every write endpoint: status, code, and nothing written.
describe("error table", () => {
  const noAuth = {};
  const cases: { name: string; run: () => Promise<{ status: number; body: Json }>; status: number; code: string }[] = [
    { name: "create: no credentials", run: () => postClaim(goodClaim, noAuth), status: 401, code: "unauthorized" },
    { name: "create: revoked/unknown token", run: () => postClaim(goodClaim, { authorization: "Bearer vbt_" + "x".repeat(43) }), status: 401, code: "unauthorized" },
    { name: "create: malformed Authorization", run: () => postClaim(goodClaim, { authorization: "Basic abc" }), status: 401, code: "unauthorized" },
    { name: "create: reader role", run: () => postClaim(goodClaim, reader.auth), status: 403, code: "forbidden" },
    { name: "create: malformed JSON", run: () => postClaim("{not json", editor.auth), status: 400, code: "invalid_json" },
    { name: "create: unknown field", run: () => postClaim({ ...goodClaim, extra: 1 }), status: 422, code: "unprocessable" },
    { name: "create: empty text", run: () => postClaim({ ...goodClaim, text: " " }), status: 422, code: "unprocessable" },
    { name: "create: no spans", run: () => postClaim({ ...goodClaim, spans: [] }), status: 422, code: "unprocessable" },
    { name: "create: unknown source", run: () => postClaim({ ...goodClaim, sourceId: "no-such-source" }), status: 422, code: "unprocessable" },
    { name: "create: offsets out of range", run: () => postClaim({ ...goodClaim, spans: [{ start: 0, end: 10_000_000 }] }), status: 422, code: "unprocessable" },
    { name: "create: overlapping spans", run: () => postClaim({ ...goodClaim, spans: [{ start: 0, end: 10 }, { start: 5, end: 12 }] }), status: 422, code: "unprocessable" },
    { name: "create: person and name", run: () => postClaim({ ...goodClaim, attribution: { kind: "direct", personId: "dmitry-peskov", personName: "Peskov" } }), status: 422, code: "unprocessable" },
    { name: "create: publication with person", run: () => postClaim({ ...goodClaim, attribution: { kind: "publication", personName: "Peskov" } }), status: 422, code: "unprocessable" },
    { name: "create: unknown person id", run: () => postClaim({ ...goodClaim, attribution: { kind: "direct", personId: "nobody-here" } }), status: 422, code: "unprocessable" },
    { name: "create: unknown kind", run: () => postClaim({ ...goodClaim, attribution: { kind: "rumour" } }), status: 422, code: "unprocessable" },
    { name: "patch: no credentials", run: () => patchClaim(CLAIM, { expectedVersion: 1, text: "x" }, noAuth), status: 401, code: "unauthorized" },
    { name: "patch: reader role", run: () => patchClaim(CLAIM, { expectedVersion: 1, text: "x" }, reader.auth), status: 403, code: "forbidden" },
    { name: "patch: unknown claim", run: () => patchClaim("no-such-claim", { expectedVersion: 1, text: "x" }), status: 404, code: "not_found" },
    { name: "patch: malformed JSON", run: () => patchClaim(CLAIM, "[", editor.auth), status: 400, code: "invalid_json" },
    { name: "patch: no expectedVersion", run: () => patchClaim(CLAIM, { text: "x" }), status: 422, code: "unprocessable" },
    { name: "patch: nothing to change", run: () => patchClaim(CLAIM, { expectedVersion: 1 }), status: 422, code: "unprocessable" },
    { name: "patch: stale version", run: () => patchClaim(CLAIM, { expectedVersion: 1, text: "x" }), status: 409, code: "conflict" },
    { name: "patch: quote not in source", run: async () => patchClaim(CLAIM, { expectedVersion: await version(CLAIM), spans: [{ exact: "zzz-not-there" }] }), status: 422, code: "unprocessable" },
    { name: "review: no credentials", run: () => review(CLAIM, { status: "supported", expectedVersion: 1 }, noAuth), status: 401, code: "unauthorized" },
    { name: "review: reader role", run: () => review(CLAIM, { status: "supported", expectedVersion: 1 }, reader.auth), status: 403, code: "forbidden" },
    { name: "review: unknown claim", run: () => review("no-such-claim", { status: "supported", expectedVersion: 1 }), status: 404, code: "not_found" },
    { name: "review: malformed JSON", run: () => review(CLAIM, "{", editor.auth), status: 400, code: "invalid_json" },
    { name: "review: wrong content type", run: () => call(postReviewRoute(new Request(`${BASE}/api/claims/${CLAIM}/reviews`, { method: "POST", headers: { ...editor.auth, "content-type": "text/plain" }, body: "{}" }), ctx(CLAIM))), status: 400, code: "bad_request" },
    { name: "review: unknown status", run: async () => review(CLAIM, { status: "true-ish", expectedVersion: await version(CLAIM) }), status: 422, code: "unprocessable" },
    { name: "review: disputed without rationale", run: async () => review(CLAIM, { status: "disputed", expectedVersion: await version(CLAIM) }), status: 422, code: "unprocessable" },
    { name: "review: stale with blank rationale", run: async () => review(CLAIM, { status: "stale", rationale: "  ", expectedVersion: await version(CLAIM) }), status: 422, code: "unprocessable" },
    { name: "review: stale version", run: () => review(CLAIM, { status: "supported", expectedVersion: 1 }), status: 409, code: "conflict" },
    { name: "review: evidence span not in source", run: async () => review(CLAIM, { status: "supported", expectedVersion: await version(CLAIM), evidence: [{ type: "span", sourceId: SOURCE, span: { exact: "not in there at all" } }] }), status: 422, code: "unprocessable" },
    { name: "review: evidence unknown claim", run: async () => review(CLAIM, { status: "supported", expectedVersion: await version(CLAIM), evidence: [{ type: "claim", claimId: "nope-nope" }] }), status: 422, code: "unprocessable" },
    { name: "review: evidence bad URL", run: async () => review(CLAIM, { status: "supported", expectedVersion: await version(CLAIM), evidence: [{ type: "url", url: "javascript:alert(1)" }] }), status: 422, code: "unprocessable" },
    { name: "review: missing expectedVersion", run: () => review(CLAIM, { status: "supported" }), status: 422, code: "unprocessable" },
  ];
  it.each(cases)("$name → $status $code, nothing written", async ({ run, status, code }) => {
    const before = await counts();
    const claimBefore = await t.db.claim.findUniqueOrThrow({ where: { id: CLAIM } });
    const res = await run();
    expect(res.status).toBe(status);
    expect(res.body.error?.code).toBe(code);
    expect(typeof res.body.error?.message).toBe("string");
    expect(await counts()).toEqual(before);
    expect(await t.db.claim.findUniqueOrThrow({ where: { id: CLAIM } })).toEqual(claimBefore);
  });
});
