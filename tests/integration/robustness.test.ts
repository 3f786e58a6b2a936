import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getClaimsRoute, POST as postClaimRoute, PUT as putClaimsRoute } from "@/app/api/claims/route";
import { PATCH as patchClaimRoute } from "@/app/api/claims/[id]/route";
import { POST as postReviewRoute } from "@/app/api/claims/[id]/reviews/route";
import { POST as postLinkRoute } from "@/app/api/claims/[id]/links/route";
import { POST as postPersonRoute } from "@/app/api/people/route";
import { POST as postAliasRoute } from "@/app/api/people/[id]/aliases/route";
import { POST as postSourceRoute } from "@/app/api/sources/route";
import { DELETE as deleteSourceRoute } from "@/app/api/sources/[id]/route";
import { GET as apiRootRoute } from "@/app/api/route";
import { readBodyLimited } from "@/lib/http/read-body";
import { AppError } from "@/lib/errors";
import { createTestActor, jsonRequest, type TestActor } from "../support/actors";
import { freshDatabase, type TestDatabase, useAsAppDatabase } from "../support/database";

// Issue 10: every bad input is a precise 4xx that changes nothing, and no request can stall the server.
let t: TestDatabase;
let editor: TestActor;
const BASE = "http://verbatim.test";
const CLAIM = "toqaev-agreed-energy-partnership";
const SOURCE = "rferl-tokayev-moscow-2025";
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });

beforeAll(async () => {
  t = await freshDatabase();
  useAsAppDatabase(t);
  editor = await createTestActor(t.db, "editor");
});
afterAll(() => t.cleanup());

const send = (url: string, method: string, body: unknown) => jsonRequest(`${BASE}${url}`, method, body, editor.auth);
const version = async () => (await t.db.claim.findUniqueOrThrow({ where: { id: CLAIM } })).version;
async function error(res: Response) {
  return { status: res.status, body: (await res.json()) as { error: { code: string; message: string; details?: unknown } } };
}

describe("text that is not valid Unicode is refused in every field", () => {
  const LONE = "\ud800";
  const NUL = "\u0000";
  it("claims, reviews, links, people, aliases, sources: 422 naming the field, nothing written", async () => {
    const sourceId = (await t.db.source.findFirstOrThrow({ select: { id: true } })).id;
    const before = JSON.stringify(await Promise.all([t.db.claim.count(), t.db.review.count(), t.db.person.count(), t.db.personAlias.count(), t.db.source.count(), t.db.claimLink.count()]));
    const v = await version();
    const other = (await t.db.claim.findFirstOrThrow({ where: { id: { not: CLAIM } }, select: { id: true } })).id;
    const person = (await t.db.person.findFirstOrThrow({ select: { id: true } })).id;
    for (const bad of [LONE, NUL, `ok ${LONE}x`, `a${NUL}b`]) {
      const cases: [string, () => Promise<Response>, string][] = [
        ["claim text", () => postClaimRoute(send("/api/claims", "POST", { sourceId, text: bad, spans: [{ exact: "Moscow" }], attribution: { kind: "publication" } }), undefined), "text"],
        ["person name", () => postClaimRoute(send("/api/claims", "POST", { sourceId, text: "ok", spans: [{ exact: "Moscow" }], attribution: { kind: "direct", personName: bad } }), undefined), "attribution.personName"],
        ["role", () => postClaimRoute(send("/api/claims", "POST", { sourceId, text: "ok", spans: [{ exact: "Moscow" }], attribution: { kind: "publication", role: bad } }), undefined), "attribution.role"],
        ["edit text", () => patchClaimRoute(send(`/api/claims/${CLAIM}`, "PATCH", { expectedVersion: v, text: bad }), ctx(CLAIM)), "text"],
        ["rationale", () => postReviewRoute(send(`/api/claims/${CLAIM}/reviews`, "POST", { status: "disputed", rationale: bad, expectedVersion: v }), ctx(CLAIM)), "rationale"],
        ["evidence note", () => postReviewRoute(send(`/api/claims/${CLAIM}/reviews`, "POST", { status: "supported", evidence: [{ type: "url", url: "https://a.example", note: bad }], expectedVersion: v }), ctx(CLAIM)), "evidence.0.note"],
        ["link note", () => postLinkRoute(send(`/api/claims/${CLAIM}/links`, "POST", { toClaimId: other, kind: "corroborates", note: bad }), ctx(CLAIM)), "note"],
        ["new person", () => postPersonRoute(send("/api/people", "POST", { name: bad }), undefined), "name"],
        ["alias", () => postAliasRoute(send(`/api/people/${person}/aliases`, "POST", { alias: bad }), ctx(person)), "alias"],
        ["source title", () => postSourceRoute(send("/api/sources", "POST", { text: "Fresh text.", title: bad }), undefined), "title"],
      ];
      for (const [what, call, path] of cases) {
        const { status, body } = await error(await call());
        expect(status, `${what} ${JSON.stringify(bad)}`).toBe(422);
        expect(body.error.message, what).toContain(`${path}: `);
      }
    }
    const after = JSON.stringify(await Promise.all([t.db.claim.count(), t.db.review.count(), t.db.person.count(), t.db.personAlias.count(), t.db.source.count(), t.db.claimLink.count()]));
    expect(after).toBe(before);
    expect(await version()).toBe(v);
  });
});

describe("errors a client can act on", () => {
  it("an expectedVersion ahead of the claim is 422, not 409", async () => {
    const v = await version();
    const { status, body } = await error(await postReviewRoute(send(`/api/claims/${CLAIM}/reviews`, "POST", { status: "supported", expectedVersion: v + 5 }), ctx(CLAIM)));
    expect(status).toBe(422);
    expect(body.error.details).toEqual({ expectedVersion: v + 5, currentVersion: v });
    const patch = await patchClaimRoute(send(`/api/claims/${CLAIM}`, "PATCH", { expectedVersion: v + 1, text: "x" }), ctx(CLAIM));
    expect(patch.status).toBe(422);
    expect(await version()).toBe(v);
  });

  it("POST /api/people with a name someone already has is 409 naming them, unless newPerson", async () => {
    const before = await t.db.person.count();
    for (const name of ["Dmitry Peskov", "dmitry peskov", "PESKOV", "Tokayev"]) {
      const existing = await t.db.personAlias.findFirst({ where: { folded: name.toLowerCase() } });
      if (!existing) continue;
      const { status, body } = await error(await postPersonRoute(send("/api/people", "POST", { name }), undefined));
      expect(status, name).toBe(409);
      expect(body.error.details).toEqual({ existing: [expect.objectContaining({ id: existing.personId, matchedAlias: existing.alias })] });
    }
    const conflict = await error(await postPersonRoute(send("/api/people", "POST", { name: "Dmitry Peskov" }), undefined));
    expect(conflict.status).toBe(409);
    expect(await t.db.person.count()).toBe(before);
    const homonym = await postPersonRoute(send("/api/people", "POST", { name: "Dmitry Peskov", newPerson: true }), undefined);
    expect(homonym.status).toBe(201);
    expect(homonym.headers.get("location")).toMatch(/^http:\/\/verbatim\.test\/api\/people\//);
  });

  it("a method a route does not have is a 405 in JSON with Allow", async () => {
    const res = await putClaimsRoute(new Request(`${BASE}/api/claims`, { method: "PUT" }));
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET, POST, HEAD, OPTIONS");
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("method_not_allowed");
    const del = await deleteSourceRoute(new Request(`${BASE}/api/sources/${SOURCE}`, { method: "DELETE" }));
    expect(del.status).toBe(405);
    expect(del.headers.get("allow")).toBe("GET, PATCH, HEAD, OPTIONS");
    expect((await getClaimsRoute(new Request(`${BASE}/api/claims?limit=1`), undefined)).status).toBe(200);
  });

  it("/api itself is a JSON 404", async () => {
    const res = await apiRootRoute(new Request(`${BASE}/api`));
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/json/);
  });

  it("permalinks and Location use the request's host, never localhost", async () => {
    const res = await postSourceRoute(
      new Request("http://localhost:3000/api/sources", { method: "POST", headers: { ...editor.auth, "content-type": "application/json", host: "news.example:8443" }, body: JSON.stringify({ text: "A text for the host test." }) }),
      undefined,
    );
    expect(res.status).toBe(201);
    expect(res.headers.get("location")).toMatch(/^http:\/\/news\.example:8443\/api\/sources\//);
  });
});

describe("bodies are limited while they are read", () => {
  it("stops reading a body without Content-Length as soon as it passes the limit", async () => {
    let pulled = 0;
    const chunk = new Uint8Array(64 * 1024).fill(0x61);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk.byteLength;
        if (pulled > 300 * 1024 * 1024) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const req = new Request(`${BASE}/api/sources`, { method: "POST", body, duplex: "half" } as RequestInit);
    const err = await readBodyLimited(req, 1024 * 1024).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).status).toBe(413);
    expect(pulled).toBeLessThan(4 * 1024 * 1024);
  });

  it("refuses a declared Content-Length over the limit before reading", async () => {
    const req = new Request(`${BASE}/api/sources`, { method: "POST", headers: { "content-length": String(300 * 1024 * 1024) }, body: "x" });
    await expect(readBodyLimited(req, 1024)).rejects.toMatchObject({ code: "payload_too_large" });
  });
});

describe("HTML → text cannot stall the server", () => {
  const nested = (n: number) => `<html><body>${"<div>".repeat(n)}x${"</div>".repeat(n)}</body></html>`;

  it("refuses 55 KB of nested <div> at once (422), and other requests are not held up", async () => {
    const started = performance.now();
    const res = await postSourceRoute(send("/api/sources", "POST", { html: nested(10_000) }), undefined);
    const took = performance.now() - started;
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/nested more than 256 deep/);
    expect(took).toBeLessThan(2_000);
  });

  it("extracts in a worker: a concurrent request answers while a slow page is reduced, and the time limit refuses it", async () => {
    process.env.VERBATIM_HTML_TIMEOUT_MS = "300";
    try {
      // 250 levels pass the shape check but take a while in Readability; wide repetition makes it slower.
      const slow = `<html><body>${Array.from({ length: 12 }, () => `${"<div>".repeat(250)}text${"</div>".repeat(250)}`).join("")}</body></html>`;
      const pending = postSourceRoute(send("/api/sources", "POST", { html: slow }), undefined);
      const t0 = performance.now();
      const other = await getClaimsRoute(new Request(`${BASE}/api/claims?limit=1`), undefined);
      const otherTook = performance.now() - t0;
      expect(other.status).toBe(200);
      expect(otherTook).toBeLessThan(250);
      const res = await pending;
      expect(res.status).toBe(422);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/could not be reduced to text within 0\.3 s/);
    } finally {
      delete process.env.VERBATIM_HTML_TIMEOUT_MS;
    }
  });

  it("abandons the extraction when the client disconnects", async () => {
    const { extractHtml } = await import("@/lib/extract/extract-html");
    const controller = new AbortController();
    const page = `<html><body>${Array.from({ length: 12 }, () => `${"<div>".repeat(250)}text${"</div>".repeat(250)}`).join("")}</body></html>`;
    const pending = extractHtml(page, { signal: controller.signal, timeoutMs: 60_000 });
    setTimeout(() => controller.abort(), 50);
    const t0 = performance.now();
    await expect(pending).rejects.toMatchObject({ message: "The request was cancelled." });
    expect(performance.now() - t0).toBeLessThan(2_000);
  });

  it("still reduces an ordinary page", async () => {
    const res = await postSourceRoute(send("/api/sources", "POST", { html: "<html><head><title>T</title></head><body><article><p>Plain words, kept: “detials”.</p></article></body></html>" }), undefined);
    expect(res.status).toBe(201);
  });
});
