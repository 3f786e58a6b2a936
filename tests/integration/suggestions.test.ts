import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as acceptRoute } from "@/app/api/sources/[id]/suggestions/[key]/accept/route";
import { DELETE as restoreRoute, POST as rejectRoute } from "@/app/api/sources/[id]/suggestions/[key]/reject/route";
import { GET as listRoute } from "@/app/api/sources/[id]/suggestions/route";
import { exportDump } from "@/lib/backup/export-dump";
import { importDump } from "@/lib/backup/import-dump";
import { addSource } from "@/lib/sources/add-source";
import type { SourceSuggestion } from "@/lib/suggestions/suggest-for-source";
import { createTestActor, jsonRequest, type TestActor } from "../support/actors";
import { freshDatabase, type TestDatabase, useAsAppDatabase } from "../support/database";

// Suggested claims through the API, as Next calls it, on a real seeded SQLite file.
let t: TestDatabase;
let editor: TestActor;
let reader: TestActor;
let sourceId: string;
const BASE = "http://verbatim.test";
const TEXT = [
  "Kremlin spokesman Dmitry Peskov spoke after the talks on Tuesday.",
  "“The pipeline will keep working at full capacity,” Peskov said.",
  "Marat Seitkali, a grain trader in Kostanay, told RFE/RL that the harvest was late this year.",
  "“We lost 🌾 two weeks of work,” analysts said.",
].join("\n");

beforeAll(async () => {
  t = await freshDatabase();
  useAsAppDatabase(t);
  editor = await createTestActor(t.db, "editor", "Erin Editor");
  reader = await createTestActor(t.db, "reader");
  const actor = { id: editor.id, name: "Erin Editor", email: editor.email, role: "editor" as const, via: "token" as const };
  sourceId = (await addSource(t.db, { actor, input: { text: TEXT, title: "Harvest and pipeline", publisher: "Test Wire" } })).source.id;
});
afterAll(() => t.cleanup());

type Json = Record<string, unknown> & { error?: { code: string; message: string; details?: unknown } };
async function call(res: Promise<Response>): Promise<{ status: number; body: Json }> {
  const r = await res;
  return { status: r.status, body: (await r.json()) as Json };
}
const list = async (id = sourceId, headers: Record<string, string> = editor.auth) =>
  call(listRoute(new Request(`${BASE}/api/sources/${id}/suggestions`, { headers }), { params: Promise.resolve({ id }) }));
const items = async () => (await list()).body.items as SourceSuggestion[];
const keyed = (key: string) => ({ params: Promise.resolve({ id: sourceId, key }) });
const accept = (key: string, body?: unknown, headers: Record<string, string> = editor.auth) =>
  call(acceptRoute(body === undefined ? new Request(`${BASE}/x`, { method: "POST", headers }) : jsonRequest(`${BASE}/x`, "POST", body, headers), keyed(key)));
const reject = (key: string) => call(rejectRoute(new Request(`${BASE}/x`, { method: "POST", headers: editor.auth }), keyed(key)));
const restore = (key: string) => call(restoreRoute(new Request(`${BASE}/x`, { method: "DELETE", headers: editor.auth }), keyed(key)));
const find = async (exact: string) => (await items()).find((s) => s.content.some((c) => c.exact.includes(exact)))!;

describe("GET /api/sources/{id}/suggestions", () => {
  it("is for editors only", async () => {
    expect((await list(sourceId, {})).status).toBe(401);
    expect((await list(sourceId, reader.auth)).status).toBe(403);
    expect((await list("no-such-source")).status).toBe(404);
  });

  it("lists the source's suggestions in reading order, speakers matched to stored people", async () => {
    const { status, body } = await list();
    expect(status).toBe(200);
    const all = body.items as SourceSuggestion[];
    expect(all.map((s) => s.content[0]!.start)).toEqual([...all.map((s) => s.content[0]!.start)].sort((a, b) => a - b));
    const peskov = all.find((s) => s.kind === "direct" && s.speaker?.exact === "Peskov")!;
    expect(peskov).toMatchObject({ role: "Kremlin spokesman", person: { name: "Dmitry Peskov", id: "dmitry-peskov", matchedAlias: "Dmitry Peskov" }, existingClaimId: null });
    expect(peskov.key).toBe(peskov.content.map((c) => `${c.start}-${c.end}`).join(","));
    const trader = all.find((s) => s.kind === "indirect")!;
    expect(trader.person).toEqual({ name: "Marat Seitkali", id: null, matchedAlias: null });
    expect(trader.role).toBe("grain trader in Kostanay");
  });

  it("marks the seed article's suggestions that are already claims", async () => {
    const { body } = await list("rferl-toqaev-moscow");
    const made = (body.items as SourceSuggestion[]).filter((s) => s.existingClaimId);
    expect(made.map((s) => s.existingClaimId)).toContain("peskov-washington-contacts-interesting");
  });
});

describe("accepting a suggestion", () => {
  it("makes a claim through the normal write path: verbatim span, person, role, history", async () => {
    const s = await find("full capacity");
    const { status, body } = await accept(s.key);
    expect(status).toBe(201);
    expect(body).toMatchObject({ source: { id: sourceId }, text: s.claim, attribution: { kind: "direct", role: "Kremlin spokesman", person: { id: "dmitry-peskov" } } });
    expect((body.spans as { exact: string; start: number; end: number }[]).map((x) => [x.start, x.end, x.exact])).toEqual(s.content.map((c) => [c.start, c.end, c.exact]));
    expect((body.edits as { changes: Record<string, unknown> }[])[0]!.changes.created).toBeTruthy();
    expect((await find("full capacity")).existingClaimId).toBe(body.id);
  });

  it("creates an unknown speaker as a new person with the name the text gives, or takes the editor's edits", async () => {
    const s = await find("harvest was late");
    const { status, body } = await accept(s.key, { text: "Marat Seitkali said the harvest in Kostanay was late.", role: "grain trader" });
    expect(status).toBe(201);
    expect(body).toMatchObject({ text: "Marat Seitkali said the harvest in Kostanay was late.", attribution: { kind: "indirect", role: "grain trader", person: { name: "Marat Seitkali" } } });
  });

  it("asks who the speaker is when the text names only a group (422), and changes nothing", async () => {
    const s = await find("two weeks of work");
    const before = await t.db.claim.count();
    const { status, body } = await accept(s.key);
    expect(status).toBe(422);
    expect(body.error?.message).toMatch(/analysts/);
    expect(await t.db.claim.count()).toBe(before);
    const named = await accept(s.key, { personName: "Aigerim Nurlanova", newPerson: true });
    expect(named.status).toBe(201);
  });

  it("refuses a malformed key (400), an unknown one (404), bad input (422) and readers (403)", async () => {
    expect((await accept("1-2;x")).status).toBe(400);
    expect((await accept("0-3")).status).toBe(404);
    const s = await find("full capacity");
    expect((await accept(s.key, { kind: "rumour" })).status).toBe(422);
    expect((await accept(s.key, undefined, reader.auth)).status).toBe(403);
  });
});

describe("rejecting a suggestion", () => {
  it("remembers the rejection per source, so it is not proposed again; restoring brings it back", async () => {
    const s = await find("full capacity");
    expect((await reject(s.key)).body).toEqual({ key: s.key, rejected: true });
    expect((await reject(s.key)).status).toBe(200);
    const after = await list();
    expect((after.body.items as SourceSuggestion[]).some((x) => x.key === s.key)).toBe(false);
    expect(after.body.rejected).toBe(1);
    expect(await t.db.suggestionRejection.findMany({ where: { sourceId } })).toMatchObject([{ key: s.key, kind: "direct", actorName: "Erin Editor" }]);
    expect((await restore(s.key)).body).toEqual({ key: s.key, rejected: false });
    expect((await items()).some((x) => x.key === s.key)).toBe(true);
    await reject(s.key);
  });

  it("keeps rejections in a backup and brings them back on import", async () => {
    const lines: string[] = [];
    const counts = await exportDump(t.db, (l) => void lines.push(l));
    expect(counts.rejections).toBe(1);
    expect(lines.some((l) => l.startsWith('{"type":"rejection"'))).toBe(true);
    const copy = await freshDatabase({ seed: false });
    try {
      const summary = await importDump(copy.db, lines);
      expect(summary.rejections).toBe(1);
      expect(await copy.db.suggestionRejection.count()).toBe(1);
    } finally {
      await copy.cleanup();
    }
  });
});
