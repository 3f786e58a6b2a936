import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingest } from "@/lib/ingest/ingest";
import { getPerson } from "@/lib/people/get-person";
import { getSource } from "@/lib/sources/get-source";
import { mergePeople } from "@/lib/people/merge-people";
import { CHUNK } from "@/lib/db-chunks";
import { createTestActor } from "../support/actors";
import { freshDatabase, type TestDatabase } from "../support/database";

// More claims than Prisma can load with their relations in one query on SQLite (P2029 past
// about 500; a person page at a million claims answered 500): a prolific speaker (getPerson,
// the person page and GET /api/people/{id}) and a long source (getSource, behind
// GET /api/sources/{id}) read them in chunks (lib/db-chunks.ts) and return every one.
let t: TestDatabase;
beforeAll(async () => {
  t = await freshDatabase({ seed: false });
});
afterAll(() => t.cleanup());

async function* lines(items: string[]) {
  yield* items;
}

describe("getPerson for a speaker with more than a thousand claims", () => {
  it("returns every claim once, newest first, with the roles they were stated in; a merge moves them all", async () => {
    const n = 2 * CHUNK + 217;
    const items = Array.from({ length: n }, (_, i) => {
      const text = `Aigerim Nurlanova said the port handled ${i + 1} ships in week ${i + 1}.`;
      return JSON.stringify({ source: { text }, claims: [{ text, spans: [{ exact: text }], attribution: { kind: "direct", personName: "Aigerim Nurlanova", role: i % 2 ? "port director" : "spokeswoman" } }] });
    });
    // Three imports, so that creation times differ between chunks.
    for (const part of [items.slice(0, 300), items.slice(300, 700), items.slice(700)]) await ingest(t.db, lines(part), { actor: { id: null, name: "test" } });
    const person = await t.db.person.findFirstOrThrow({ where: { name: "Aigerim Nurlanova" }, select: { id: true } });
    const p = await getPerson(t.db, person.id);
    expect(p.claims).toHaveLength(n);
    expect(new Set(p.claims.map((c) => c.id)).size).toBe(n);
    const order = await t.db.claim.findMany({ where: { attribution: { personId: person.id } }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true } });
    expect(p.claims.map((c) => c.id)).toEqual(order.map((c) => c.id));
    expect(p.roles.sort()).toEqual(["port director", "spokeswoman"]);

    // Merged into another spelling of her name: every claim moves, none is lost.
    const other = JSON.stringify({ source: { text: "A. Nurlanova said the berth reopened." }, claims: [{ text: "A. Nurlanova said the berth reopened.", spans: [{ exact: "A. Nurlanova said the berth reopened." }], attribution: { kind: "direct", personName: "A. Nurlanova", newPerson: true } }] });
    await ingest(t.db, lines([other]), { actor: { id: null, name: "test" } });
    const survivor = await t.db.person.findFirstOrThrow({ where: { name: "A. Nurlanova" }, select: { id: true } });
    const editor = await createTestActor(t.db, "editor", "Merge Tester");
    await mergePeople(t.db, { actor: { id: editor.id, name: "Merge Tester" }, survivorId: survivor.id, mergedId: person.id });
    expect((await getPerson(t.db, survivor.id)).claims).toHaveLength(n + 1);
  });
});

describe("getSource for a source with more than a thousand claims", () => {
  it("returns every claim once, in the order of their quotes", async () => {
    const n = 1_100;
    const sentences = Array.from({ length: n }, (_, i) => `Speaker ${i % 7} said berth ${i + 1} handled ${3 * i + 1} ships.`);
    const text = sentences.join(" ");
    const claims = [...sentences].reverse().map((s) => ({ text: s, spans: [{ exact: s }], attribution: { kind: "direct", personName: `Speaker ${s.split(" ")[1]}` } }));
    await ingest(t.db, lines([JSON.stringify({ source: { text, title: "Port transcript" }, claims })]), { actor: { id: null, name: "test" } });
    const source = await t.db.source.findFirstOrThrow({ where: { title: "Port transcript" }, select: { id: true } });
    const s = await getSource(t.db, source.id);
    expect(s.claims).toHaveLength(n);
    expect(s.claims.map((c) => c.text)).toEqual(sentences);
    expect(s.claims.every((c) => c.spans.length === 1 && c.attribution?.person)).toBe(true);
  });
});
