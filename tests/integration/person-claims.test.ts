import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingest } from "@/lib/ingest/ingest";
import { getPerson } from "@/lib/people/get-person";
import { mergePeople } from "@/lib/people/merge-people";
import { CHUNK } from "@/lib/db-chunks";
import { createTestActor } from "../support/actors";
import { freshDatabase, type TestDatabase } from "../support/database";

// A prolific speaker: more claims than Prisma can load with their sources, spans and
// attributions in one query on SQLite (P2029 past about 500; a person page at a million
// claims answered 500). getPerson reads them in chunks and returns every one.
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
