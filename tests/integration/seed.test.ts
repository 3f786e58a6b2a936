import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadManifest, runSeed, seedsDir } from "@/lib/seed/run-seed";
import { CodePointIndex } from "@/lib/spans/codepoints";
import { verifyDatabase } from "@/lib/verify/verify-database";
import { freshDatabase, type TestDatabase } from "../support/database";

let t: TestDatabase;
beforeAll(async () => {
  t = await freshDatabase();
});
afterAll(() => t.cleanup());

const RFERL = "rferl-toqaev-moscow";
const CASPIAN = "caspian-post-putin-kazakhstan";

async function snapshot() {
  const db = t.db;
  return JSON.stringify({
    sources: await db.source.findMany({ orderBy: { id: "asc" } }),
    people: await db.person.findMany({ orderBy: { id: "asc" }, include: { aliases: { orderBy: { alias: "asc" } } } }),
    claims: await db.claim.findMany({ orderBy: { id: "asc" }, include: { spans: { orderBy: { start: "asc" } }, attribution: true, reviews: true } }),
  });
}

describe("seeds", () => {
  it("keeps both articles byte for byte, identical to the shared originals", async () => {
    for (const file of ["000_50568acf8493da64.txt", "002_adbfb3f66e90cfa2.txt"]) {
      const ours = readFileSync(path.join(seedsDir, file));
      const shared = path.resolve(seedsDir, "..", "..", "shared", "seeds", file);
      if (existsSync(shared)) expect(ours.equals(readFileSync(shared))).toBe(true);
      const sha = createHash("sha256").update(ours).digest("hex");
      const stored = await t.db.source.findUniqueOrThrow({ where: { sha256: sha } });
      expect(Buffer.from(stored.text, "utf8").equals(ours)).toBe(true);
    }
  });

  it("records only metadata the texts support", async () => {
    const rferl = await t.db.source.findUniqueOrThrow({ where: { id: RFERL } });
    expect(rferl).toMatchObject({ publisher: "RFE/RL", title: null, author: null, url: null, publishedAt: null, retrievedAt: null });
    const caspian = await t.db.source.findUniqueOrThrow({ where: { id: CASPIAN } });
    expect(caspian).toMatchObject({
      publisher: "The Caspian Post",
      title: "Russia's Strategic Moves and Putin's November Visit to Kazakhstan",
      publishedAt: "2024-12-03",
      author: null,
      url: null,
    });
  });

  it("has at least 40 claims, with direct quotes from every speaker and 10+ publication assertions across both articles", async () => {
    const claims = await t.db.claim.findMany({ include: { attribution: { include: { person: true } } } });
    expect(claims.length).toBeGreaterThanOrEqual(40);
    const directSpeakers = new Set(claims.filter((c) => c.attribution?.kind === "direct").map((c) => c.attribution?.person?.name));
    for (const name of ["Kassym-Jomart Tokayev", "Dmitry Peskov", "Andrew D'Anieri", "Yunis Sharifli", "Vlad Paddack"]) {
      expect(directSpeakers).toContain(name);
    }
    const indirect = claims.filter((c) => c.attribution?.kind === "indirect");
    expect(indirect.some((c) => c.attribution?.person?.name === "Dmitry Peskov" && /CPC|Caspian Pipeline/.test(c.text))).toBe(true);
    const publication = claims.filter((c) => c.attribution?.kind === "publication");
    expect(publication.length).toBeGreaterThanOrEqual(10);
    expect(new Set(publication.map((c) => c.sourceId))).toEqual(new Set([RFERL, CASPIAN]));
  });

  it("covers every direct quotation in the RFE/RL article with a direct claim by its speaker", async () => {
    const source = await t.db.source.findUniqueOrThrow({ where: { id: RFERL } });
    const index = new CodePointIndex(source.text);
    const spans = await t.db.span.findMany({ where: { sourceId: RFERL, claim: { attribution: { kind: "direct" } } } });
    const quotes = [...source.text.matchAll(/"([^"]+)"/g)];
    expect(quotes.length).toBeGreaterThanOrEqual(15);
    for (const q of quotes) {
      const inner = q[1]!.replace(/,$/, "");
      const start = index.toCodePoint(q.index! + 1);
      const end = start + Array.from(inner).length;
      const covered = spans.some((s) => s.start <= start && s.end >= end);
      expect(covered, `quotation not covered by a direct claim: "${inner}"`).toBe(true);
    }
  });

  it("treats Toqaev and Tokayev as one person, and keeps 'detials' verbatim", async () => {
    const aliases = await t.db.personAlias.findMany({ where: { alias: { in: ["Toqaev", "Tokayev"] } } });
    expect(aliases).toHaveLength(2);
    expect(aliases[0]!.personId).toBe(aliases[1]!.personId);
    const person = await t.db.person.findUniqueOrThrow({ where: { id: aliases[0]!.personId } });
    expect(person.name).toBe("Kassym-Jomart Tokayev");
    expect(await t.db.span.count({ where: { exact: { contains: "detials" } } })).toBe(1);
    expect(await t.db.span.count({ where: { exact: { contains: "details" } } })).toBe(0);
  });

  it("keeps the Caspian Post's NBSP, curly apostrophes and em-dash inside spans", async () => {
    const spans = await t.db.span.findMany({ where: { sourceId: CASPIAN } });
    expect(spans.some((s) => s.exact.includes("\u00a0"))).toBe(true);
    expect(spans.some((s) => s.exact.includes("’"))).toBe(true);
    expect(spans.some((s) => s.exact.includes("—"))).toBe(true);
  });

  it("starts claims unreviewed except labelled demo reviews, so that every status appears", async () => {
    const byStatus = await t.db.claim.groupBy({ by: ["status"], _count: true });
    expect(new Set(byStatus.map((s) => s.status))).toEqual(new Set(["unreviewed", "supported", "disputed", "stale"]));
    const reviews = await t.db.review.findMany();
    expect(reviews.length).toBeGreaterThan(0);
    for (const r of reviews) {
      expect(r.isDemo).toBe(true);
      expect(r.rationale).toMatch(/^Demo review/);
    }
    const reviewed = new Set(reviews.map((r) => r.claimId));
    expect(await t.db.claim.count({ where: { id: { notIn: [...reviewed] }, status: { not: "unreviewed" } } })).toBe(0);
  });

  it("is idempotent: a second run creates nothing and changes nothing", async () => {
    const before = await snapshot();
    expect(await runSeed(t.db)).toEqual({ sources: 0, people: 0, claims: 0, reviews: 0 });
    expect(await snapshot()).toBe(before);
  });

  it("passes verify with no violation", async () => {
    const report = await verifyDatabase(t.db);
    expect(report.violations).toEqual([]);
    expect(report.spans).toBeGreaterThanOrEqual(loadManifest().claims.length);
  });
});
