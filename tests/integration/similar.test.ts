import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as similarToClaimRoute } from "@/app/api/claims/[id]/similar/route";
import { GET as similarRoute } from "@/app/api/similar/route";
import type { SimilarClaim } from "@/lib/match/find-similar";
import { ingest } from "@/lib/ingest/ingest";
import { freshDatabase, type TestDatabase, useAsAppDatabase } from "../support/database";

// Similar claims through the API, as Next calls it, on a real seeded SQLite file.
let t: TestDatabase;
beforeAll(async () => {
  t = await freshDatabase();
  useAsAppDatabase(t);
});
afterAll(() => t.cleanup());

const BASE = "http://verbatim.test";
// The CPC oil-export dependence, said a year apart in the two seed articles.
const RFERL_CPC = "rferl-cpc-80-percent-oil-exports";
const CASPIAN_CPC = "caspian-kazakhstan-reliant-on-cpc";

async function* lines(items: string[]) {
  yield* items;
}

type Body = { items: SimilarClaim[]; error?: { code: string; message: string } };
async function similar(params: Record<string, string>): Promise<{ status: number; body: Body }> {
  const r = await similarRoute(new Request(`${BASE}/api/similar?${new URLSearchParams(params)}`), undefined);
  return { status: r.status, body: (await r.json()) as Body };
}
async function similarTo(id: string, params: Record<string, string> = {}): Promise<{ status: number; body: Body }> {
  const r = await similarToClaimRoute(new Request(`${BASE}/api/claims/${id}/similar?${new URLSearchParams(params)}`), { params: Promise.resolve({ id }) });
  return { status: r.status, body: (await r.json()) as Body };
}

describe("GET /api/claims/{id}/similar", () => {
  it("the two seed CPC claims find each other, each without itself", async () => {
    const a = await similarTo(RFERL_CPC);
    expect(a.status).toBe(200);
    expect(a.body.items.slice(0, 3).map((i) => i.claim.id)).toContain(CASPIAN_CPC);
    expect(a.body.items.map((i) => i.claim.id)).not.toContain(RFERL_CPC);
    const b = await similarTo(CASPIAN_CPC);
    expect(b.body.items.slice(0, 3).map((i) => i.claim.id)).toContain(RFERL_CPC);
    const item = b.body.items.find((i) => i.claim.id === RFERL_CPC)!;
    expect(item).toMatchObject({ relation: "similar", claim: { status: "supported", source: { publisher: "RFE/RL" }, attribution: { kind: "publication" } } });
    expect(item.reason).toMatch(/shared words: .*“kazakhstan”.*“oil”/i);
    expect(item.score).toBeGreaterThan(0);
  });
  it("answers 404 for an unknown claim and 400 for a limit past 50", async () => {
    expect((await similarTo("no-such-claim")).status).toBe(404);
    expect((await similarTo(RFERL_CPC, { limit: "51" })).status).toBe(400);
  });
});

describe("GET /api/similar", () => {
  it("ranks the claims that state the fact first, best first, with a reason a person can check", async () => {
    const { status, body } = await similar({ text: "Four-fifths of Kazakhstan's oil exports go through the CPC pipeline", limit: "3" });
    expect(status).toBe(200);
    expect(body.items).toHaveLength(3);
    expect(body.items[0]!.claim.id).toBe(RFERL_CPC);
    expect(body.items[0]!.reason).toMatch(/^Both say 80%; shared words:/);
    const scores = body.items.map((i) => i.score);
    expect([...scores].sort((x, y) => y - x)).toEqual(scores);
  });
  it("labels a different figure as a possible contradiction", async () => {
    const { body } = await similar({ text: "Kazakhstan relies on the CPC pipeline to export 60 percent of its oil" });
    const item = body.items.find((i) => i.claim.id === RFERL_CPC)!;
    expect(item.relation).toBe("possible-contradiction");
    expect(item.reason).toContain("the new text says 60% where this claim says 80%");
  });
  it("labels opposite words (rose / fell) as a possible contradiction", async () => {
    const text = "Kazakh oil exports through the CPC rose in October.";
    await ingest(t.db, lines([JSON.stringify({ source: { text, title: "Exports report" }, claims: [{ text, spans: [{ exact: text }], attribution: { kind: "publication" } }] })]), {
      actor: { id: null, name: "test" },
    });
    const { body } = await similar({ text: "Kazakh oil exports through the CPC fell in October." });
    expect(body.items[0]).toMatchObject({ relation: "possible-contradiction", claim: { text } });
    expect(body.items[0]!.reason).toContain("the new text says “fell” where this claim says “rose”");
    // Between two stored claims the reason names the one compared.
    const fell = "Kazakh oil exports through the CPC fell in October, the ministry said.";
    await ingest(t.db, lines([JSON.stringify({ source: { text: fell }, claims: [{ text: fell, spans: [{ exact: fell }], attribution: { kind: "publication" } }] })]), { actor: { id: null, name: "test" } });
    const fellId = (await t.db.claim.findFirstOrThrow({ where: { text: fell } })).id;
    const fromClaim = (await similarTo(fellId)).body.items.find((i) => i.claim.text === text)!;
    expect(fromClaim.reason).toContain("the compared claim says “fell” where this claim says “rose”");
  });
  it("knows the speaker by an alias, and finds a quote with its typo kept verbatim", async () => {
    const { body } = await similar({ text: "Peskov gave no detials about the CPC talks", limit: "1" });
    expect(body.items[0]!.claim.id).toBe("rferl-peskov-no-cpc-details");
    expect(body.items[0]!.reason).toMatch(/“detials”/);
  });
  it("reads a hashtag of words run together as its words", async () => {
    const { body } = await similar({ text: "#eternalfriendship", limit: "1" });
    expect(body.items[0]!.claim.id).toBe("toqaev-eternal-friendship");
    expect(body.items[0]!.reason).toMatch(/eternal/);
  });
  it("answers 400 for an empty or over-long text, an unknown parameter or a bad limit", async () => {
    for (const params of [{ text: "" }, { text: "   " }, { text: "x".repeat(4_001) }, { text: "oil", q: "x" }, { text: "oil", limit: "0" }, {}]) {
      const { status, body } = await similar(params as Record<string, string>);
      expect(status, JSON.stringify(params)).toBe(400);
      expect(body.error?.code).toBe("bad_request");
    }
  });
  it("answers an empty list when no claim shares a word", async () => {
    expect((await similar({ text: "Zyzzyva quokka" })).body).toEqual({ items: [] });
  });
});
