import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as similarRoute } from "@/app/api/similar/route";
import type { SimilarClaim } from "@/lib/match/find-similar";
import { findSimilar, rankSimilar } from "@/lib/match/find-similar";
import { ingest } from "@/lib/ingest/ingest";
import { countWithoutVector, dropOtherModels, storeVectors } from "@/lib/match/semantic/claim-vectors";
import { embedClaims } from "@/lib/match/semantic/embed-claims";
import { vectorKey } from "@/lib/match/semantic/vectors";
import { readDbFor } from "@/lib/db-read";
import { freshDatabase, type TestDatabase, useAsAppDatabase } from "../support/database";

// Similar claims by meaning: the seed claims and two more given sentence vectors by the
// encoder, then looked up through the API as Next calls it.
let t: TestDatabase;
const BUSES = "The mayor said the city's buses will be free for all riders starting in March.";
const PARKS = "The mayor said the city's budget for parks will grow in March.";

async function* lines(items: string[]) {
  yield* items;
}
const line = (text: string) => JSON.stringify({ source: { text }, claims: [{ text, spans: [{ exact: text }], attribution: { kind: "publication" } }] });

beforeAll(async () => {
  t = await freshDatabase();
  useAsAppDatabase(t);
  await ingest(t.db, lines([line(BUSES), line(PARKS)]), { actor: { id: null, name: "test" } });
});
afterAll(() => t.cleanup());

type Body = { items: SimilarClaim[] };
async function similar(text: string, limit = "5"): Promise<Body> {
  const r = await similarRoute(new Request(`http://verbatim.test/api/similar?${new URLSearchParams({ text, limit })}`), undefined);
  expect(r.status).toBe(200);
  return (await r.json()) as Body;
}

describe("similar claims by meaning", () => {
  it("every claim gets a vector, once", async () => {
    const claims = await t.db.claim.count();
    expect(await countWithoutVector(t.db)).toBe(claims);
    expect(await embedClaims(t.db, { batch: 7 })).toBe(claims);
    expect(await countWithoutVector(t.db)).toBe(0);
    expect(await embedClaims(t.db)).toBe(0);
    const v = await t.db.claimVector.findFirstOrThrow();
    expect(v.vector.byteLength).toBe(512);
    expect(v.key).toMatch(/^use-lite-1:/);
  });

  it("ranks the claim that says the same thing in other words first, and says why", async () => {
    const text = "Public transport fares are being abolished by the mayor from March";
    const body = await similar(text);
    expect(body.items.map((i) => i.claim.text).slice(0, 2)).toEqual([BUSES, PARKS]);
    expect(body.items[0]!.reason).toMatch(/close in meaning \(sentence similarity 0\.\d\d\)/);
    // The words alone barely tell them apart (both: mayor, city, March); the meaning does.
    const ranked = await rankSimilar(readDbFor(t.url), { text, cacheKey: t.url });
    const feature = (claim: string) => ranked.find((r) => r.text === claim)!.features;
    expect(Math.abs(feature(BUSES).lexical - feature(PARKS).lexical)).toBeLessThan(0.05);
    expect(feature(BUSES).semantic).toBeGreaterThan(feature(PARKS).semantic + 0.1);
  });

  it("finds the CPC claims for a paraphrase that shares one word with them", async () => {
    const body = await similar("Most of the crude Kazakhstan sells abroad flows through the Caspian Pipeline Consortium", "2");
    expect(body.items.map((i) => i.claim.id)).toContain("rferl-cpc-80-percent-oil-exports");
  });

  it("a claim whose text changes loses its vector and is encoded again", async () => {
    const claim = await t.db.claim.findFirstOrThrow({ where: { text: PARKS } });
    const before = await t.db.claimVector.findUniqueOrThrow({ where: { claimId: claim.id } });
    await t.db.claim.update({ where: { id: claim.id }, data: { text: "The mayor said the parks budget will grow." } });
    expect(await t.db.claimVector.findUnique({ where: { claimId: claim.id } })).toBeNull();
    expect(await embedClaims(t.db)).toBe(1);
    const after = await t.db.claimVector.findUniqueOrThrow({ where: { claimId: claim.id } });
    expect(after.key).not.toBe(before.key);
  });

  it("a vector computed from a text the claim no longer has is not stored", async () => {
    const claim = await t.db.claim.findFirstOrThrow({ where: { text: BUSES } });
    await t.db.claimVector.delete({ where: { claimId: claim.id } });
    const stale = "The mayor said buses may become free one day.";
    await storeVectors(t.db, [{ claimId: claim.id, text: stale, key: vectorKey(stale), vector: new Uint8Array(512) }]);
    expect(await t.db.claimVector.findUnique({ where: { claimId: claim.id } })).toBeNull();
    expect(await embedClaims(t.db)).toBe(1);
    expect((await t.db.claimVector.findUniqueOrThrow({ where: { claimId: claim.id } })).key).toBe(vectorKey(BUSES));
  });

  it("ranks by words instead of failing when the encoder cannot run here", async () => {
    // As on a platform for which onnxruntime-node ships no native library: the encoder's
    // promise (one per thread, kept on globalThis) rejects.
    const holder = globalThis as unknown as { verbatimEncoder?: Promise<unknown> };
    const saved = holder.verbatimEncoder;
    const failing = Promise.reject(new Error("no native library for this platform"));
    failing.catch(() => undefined);
    holder.verbatimEncoder = failing;
    try {
      const items = await findSimilar(readDbFor(t.url), { text: "Public transport fares are being abolished by the mayor from March", limit: 5, cacheKey: t.url });
      expect(items.map((i) => i.claim.text)).toContain(BUSES);
      expect(items.some((i) => /close in meaning/.test(i.reason))).toBe(false);
    } finally {
      holder.verbatimEncoder = saved;
    }
  });

  it("a vector of another model is dropped and its claim encoded again with the model in use", async () => {
    const claim = await t.db.claim.findFirstOrThrow({ where: { text: BUSES } });
    await t.db.claimVector.update({ where: { claimId: claim.id }, data: { key: "older-model:abc" } });
    expect(await countWithoutVector(t.db)).toBe(0);
    expect(await dropOtherModels(t.db)).toBe(1);
    expect(await dropOtherModels(t.db)).toBe(0);
    expect(await countWithoutVector(t.db)).toBe(1);
    expect(await embedClaims(t.db)).toBe(1);
    expect((await t.db.claimVector.findUniqueOrThrow({ where: { claimId: claim.id } })).key).toBe(vectorKey(BUSES));
  });
});
