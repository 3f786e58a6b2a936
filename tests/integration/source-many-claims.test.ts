import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingest } from "@/lib/ingest/ingest";
import { getSource } from "@/lib/sources/get-source";
import { freshDatabase, type TestDatabase } from "../support/database";

// A long source (a transcript, a report) with more claims than Prisma can load with their
// spans and attributions in one query on SQLite (P2029): getSource, behind
// GET /api/sources/{id}, reads them in chunks and returns every one in reading order.
let t: TestDatabase;
beforeAll(async () => {
  t = await freshDatabase({ seed: false });
});
afterAll(() => t.cleanup());

async function* lines(items: string[]) {
  yield* items;
}

describe("getSource for a source with more than a thousand claims", () => {
  it("returns every claim once, in the order of their quotes", async () => {
    const n = 1_100;
    const sentences = Array.from({ length: n }, (_, i) => `Speaker ${i % 7} said berth ${i + 1} handled ${3 * i + 1} ships.`);
    const text = sentences.join(" ");
    const claims = [...sentences].reverse().map((s) => ({ text: s, spans: [{ exact: s }], attribution: { kind: "direct", personName: `Speaker ${s.split(" ")[1]}` } }));
    await ingest(t.db, lines([JSON.stringify({ source: { text, title: "Port transcript" }, claims })]), { actor: { id: null, name: "test" } });
    const source = await t.db.source.findFirstOrThrow({ select: { id: true } });
    const s = await getSource(t.db, source.id);
    expect(s.claims).toHaveLength(n);
    expect(s.claims.map((c) => c.text)).toEqual(sentences);
    expect(s.claims.every((c) => c.spans.length === 1 && c.attribution?.person)).toBe(true);
  });
});
