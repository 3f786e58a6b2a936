import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getUnknown } from "@/app/api/[...path]/route";
import { GET as getClaimRoute } from "@/app/api/claims/[id]/route";
import { GET as listClaimsRoute } from "@/app/api/claims/route";
import { GET as getPersonRoute } from "@/app/api/people/[id]/route";
import { GET as getSourceRoute } from "@/app/api/sources/[id]/route";
import { createClaim } from "@/lib/claims/create-claim";
import { createSource } from "@/lib/sources/create-source";
import { freshDatabase, type TestDatabase, useAsAppDatabase } from "../support/database";

// The read API, called as Next calls it: a Request in, a Response out, on a real SQLite file.
let t: TestDatabase;
beforeAll(async () => {
  t = await freshDatabase();
  useAsAppDatabase(t);
});
afterAll(() => t.cleanup());

const BASE = "http://verbatim.test";
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });

type ClaimItem = {
  id: string;
  status: string;
  source: { id: string };
  spans: { sourceId: string; start: number; end: number; exact: string; prefix: string; suffix: string }[];
  attribution: { kind: string; role: string | null; person: { name: string; aliases: string[] } | null };
};
type Page = { items: ClaimItem[]; nextCursor: string | null };

async function list(query: string): Promise<{ status: number; body: Page & { error?: { code: string; message: string } } }> {
  const res = await listClaimsRoute(new Request(`${BASE}/api/claims${query}`), undefined);
  return { status: res.status, body: await res.json() };
}

describe("GET /api/claims", () => {
  it("pages through every claim with cursors, newest first, without repeats", async () => {
    const total = await t.db.claim.count();
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const { status, body }: { status: number; body: Page } = await list(`?limit=7${cursor ? `&cursor=${cursor}` : ""}`);
      expect(status).toBe(200);
      expect(body.items.length).toBeLessThanOrEqual(7);
      seen.push(...body.items.map((i) => i.id));
      cursor = body.nextCursor;
      pages++;
    } while (cursor && pages < 100);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    const ordered = await t.db.claim.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true } });
    expect(seen).toEqual(ordered.map((c) => c.id));
  });

  it("defaults to 20 items and allows up to 100", async () => {
    expect((await list("")).body.items).toHaveLength(20);
    const { status, body } = await list("?limit=100");
    expect(status).toBe(200);
    expect(body.items.length).toBe(Math.min(100, await t.db.claim.count()));
  });

  it("filters by status, person (id, slug) and source, and combines them", async () => {
    const supported = await list("?status=supported&limit=100");
    expect(supported.body.items.length).toBeGreaterThan(0);
    expect(supported.body.items.every((c) => c.status === "supported")).toBe(true);

    const bySlug = await list("?person=kassym-jomart-tokayev&limit=100");
    expect(bySlug.body.items.length).toBeGreaterThan(0);
    expect(bySlug.body.items.every((c) => c.attribution.person?.name === "Kassym-Jomart Tokayev")).toBe(true);
    expect(bySlug.body.items[0]!.attribution.person!.aliases).toEqual(expect.arrayContaining(["Toqaev", "Tokayev"]));

    const bySource = await list("?source=caspian-post-putin-kazakhstan&limit=100");
    expect(bySource.body.items.every((c) => c.source.id === "caspian-post-putin-kazakhstan")).toBe(true);
    expect(bySource.body.items.length).toBe(await t.db.claim.count({ where: { sourceId: "caspian-post-putin-kazakhstan" } }));

    const combined = await list("?source=rferl-toqaev-moscow&person=dmitry-peskov&status=unreviewed&limit=100");
    expect(combined.status).toBe(200);
    expect(combined.body.items.length).toBe(
      await t.db.claim.count({ where: { sourceId: "rferl-toqaev-moscow", status: "unreviewed", attribution: { person: { slug: "dmitry-peskov" } } } }),
    );
  });

  it.each([
    ["?status=true", /status/],
    ["?limit=0", /limit/],
    ["?limit=101", /limit/],
    ["?limit=ten", /limit/],
    ["?limit=2.5", /limit/],
    ["?cursor=not-a-cursor", /cursor/],
    ["?person=nobody", /person/],
    ["?source=nowhere", /source/],
    ["?status=supported&status=disputed", /status: given 2 times/],
    ["?colour=blue", /colour|Unrecognized/i],
  ])("answers 400 with a JSON error for %s", async (query, message) => {
    const { status, body } = await list(query);
    expect(status).toBe(400);
    expect(body.error?.code).toBe("bad_request");
    expect(body.error?.message).toMatch(message);
  });
});

describe("GET /api/claims/{id}", () => {
  it("returns the claim with verbatim spans, attribution, source summary and reviews", async () => {
    const res = await getClaimRoute(new Request(`${BASE}/api/claims/x`), ctx("rferl-peskov-no-cpc-details"));
    expect(res.status).toBe(200);
    const claim = await res.json();
    expect(claim.spans[0]).toEqual({
      id: expect.any(String),
      sourceId: "rferl-toqaev-moscow",
      start: expect.any(Number),
      end: expect.any(Number),
      exact: expect.stringContaining("detials"),
      prefix: expect.any(String),
      suffix: expect.any(String),
    });
    const text = readFileSync(path.resolve("seeds/000_50568acf8493da64.txt"), "utf8");
    const { start, end, exact } = claim.spans[0];
    expect(Array.from(text).slice(start, end).join("")).toBe(exact);
    expect(claim.attribution).toEqual({ kind: "publication", role: null, person: null });
    expect(claim.source).toMatchObject({ id: "rferl-toqaev-moscow", publisher: "RFE/RL", title: null });
    expect(claim.reviews).toEqual([]);
  });

  it("includes a person's name, aliases and role, and the review history", async () => {
    const reviewed = await t.db.review.findFirstOrThrow({ select: { claimId: true } });
    const res = await getClaimRoute(new Request(`${BASE}/api/claims/x`), ctx(reviewed.claimId));
    const claim = await res.json();
    expect(claim.reviews[0]).toMatchObject({ fromStatus: "unreviewed", toStatus: claim.status, isDemo: true });

    const direct = await t.db.claim.findFirstOrThrow({ where: { attribution: { person: { slug: "andrew-danieri" } } }, select: { id: true } });
    const body = await (await getClaimRoute(new Request(`${BASE}/api/claims/x`), ctx(direct.id))).json();
    expect(body.attribution.person).toMatchObject({ name: "Andrew D'Anieri", aliases: expect.arrayContaining(["D'Anieri"]) });
    expect(body.attribution.role).toBe("associate director of the Atlantic Council's Eurasia Center");
  });

  it("answers 404 with a JSON error for an unknown id", async () => {
    const res = await getClaimRoute(new Request(`${BASE}/api/claims/nope`), ctx("nope"));
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: "not_found", message: 'No claim with id "nope".' } });
  });
});

describe("GET /api/sources/{id}", () => {
  it("returns metadata, the exact text, its sha256 and the source's claims", async () => {
    const res = await getSourceRoute(new Request(`${BASE}/api/sources/x`), ctx("caspian-post-putin-kazakhstan"));
    expect(res.status).toBe(200);
    const source = await res.json();
    const bytes = readFileSync(path.resolve("seeds/002_adbfb3f66e90cfa2.txt"));
    expect(Buffer.from(source.text, "utf8").equals(bytes)).toBe(true);
    expect(source.sha256).toBe("90ddaa8d8a437f595c9aa1a7279a1b8e2e832e56495da6eb263bb1dc1d9ce0ef");
    expect(source).toMatchObject({ title: "Russia's Strategic Moves and Putin's November Visit to Kazakhstan", publishedAt: "2024-12-03", author: null, url: null });
    expect(source.claims.length).toBe(await t.db.claim.count({ where: { sourceId: "caspian-post-putin-kazakhstan" } }));
    const starts = source.claims.map((c: { spans: { start: number }[] }) => c.spans[0]!.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it("answers 404 for an unknown id", async () => {
    const res = await getSourceRoute(new Request(`${BASE}/api/sources/nope`), ctx("nope"));
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe("not_found");
  });
});

describe("GET /api/people/{id}", () => {
  it("finds a person by slug or id, with aliases and claims", async () => {
    const bySlug = await (await getPersonRoute(new Request(`${BASE}/api/people/x`), ctx("kassym-jomart-tokayev"))).json();
    expect(bySlug.aliases).toEqual(expect.arrayContaining(["Qasym-Zhomart Toqaev", "Toqaev", "Tokayev"]));
    expect(bySlug.claims.length).toBe(await t.db.attribution.count({ where: { personId: bySlug.id } }));
    const byId = await (await getPersonRoute(new Request(`${BASE}/api/people/x`), ctx(bySlug.id))).json();
    expect(byId.id).toBe(bySlug.id);
  });

  it("answers 404 for an unknown person", async () => {
    const res = await getPersonRoute(new Request(`${BASE}/api/people/nope`), ctx("nope"));
    expect(res.status).toBe(404);
  });
});

describe("API errors", () => {
  it("answers unknown API paths with a JSON 404", async () => {
    const res = await getUnknown(new Request(`${BASE}/api/nothing/here`));
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe("not_found");
  });

  it("answers an unexpected failure with a generic 500 that leaks nothing", async () => {
    const saved = process.env.DATABASE_URL;
    process.env.DATABASE_URL = "file:/nonexistent-dir/for/sure/x.db";
    try {
      const res = await getClaimRoute(new Request(`${BASE}/api/claims/x`), ctx("anything"));
      expect(res.status).toBe(500);
      expect(await res.json()).toEqual({ error: { code: "internal", message: "Internal server error." } });
    } finally {
      process.env.DATABASE_URL = saved;
    }
  });

  it("lists claims that have astral characters with code-point offsets", async () => {
    const s = await createSource(t.db, { text: "Emoji 🙂🙂 then the quote “here” 🙂 end." });
    const c = await createClaim(t.db, { sourceId: s.id, text: "astral", spans: [{ exact: "“here”" }], attribution: { kind: "publication" } });
    const res = await getClaimRoute(new Request(`${BASE}/api/claims/x`), ctx(c.id));
    const span = (await res.json()).spans[0];
    expect([span.start, span.end]).toEqual([24, 30]);
    expect(span.prefix).toBe("Emoji 🙂🙂 then the quote ");
  });
});
