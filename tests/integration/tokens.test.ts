import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELETE as revokeRoute } from "@/app/api/tokens/[id]/route";
import { GET as listRoute, POST as createRoute } from "@/app/api/tokens/route";
import { createTestActor, jsonRequest, type TestActor } from "../support/actors";
import { freshDatabase, type TestDatabase, useAsAppDatabase } from "../support/database";

// Listing, creating and revoking API tokens over the API.
let t: TestDatabase;
let editor: TestActor;
let other: TestActor;
let admin: TestActor;
let reader: TestActor;
beforeAll(async () => {
  t = await freshDatabase({ seed: false });
  useAsAppDatabase(t);
  editor = await createTestActor(t.db, "editor");
  other = await createTestActor(t.db, "editor");
  admin = await createTestActor(t.db, "admin");
  reader = await createTestActor(t.db, "reader");
});
afterAll(() => t.cleanup());

const BASE = "http://verbatim.test";
type Json = { token?: string; id?: string; items?: { id: string; revokedAt: string | null }[]; error?: { code: string } };
const body = async (r: Response) => ({ status: r.status, json: (await r.json()) as Json });
const create = (auth: Record<string, string>, payload: unknown = { name: "laptop" }) => createRoute(jsonRequest(`${BASE}/api/tokens`, "POST", payload, auth), undefined).then(body);
const list = (auth: Record<string, string>) => listRoute(new Request(`${BASE}/api/tokens`, { headers: auth }), undefined).then(body);
const revoke = (id: string, auth: Record<string, string>) =>
  revokeRoute(new Request(`${BASE}/api/tokens/${id}`, { method: "DELETE", headers: auth }), { params: Promise.resolve({ id }) }).then(body);

describe("API tokens over the API", () => {
  it("creates a token shown once, lists it without the secret, and revokes it", async () => {
    const created = await create(editor.auth);
    expect(created.status).toBe(201);
    const token = created.json.token!;
    expect(token).toMatch(/^vbt_/);
    const listed = await list(editor.auth);
    expect(listed.status).toBe(200);
    expect(JSON.stringify(listed.json)).not.toContain(token);
    expect(listed.json.items!.map((i) => i.id)).toContain(created.json.id);
    // The new token works, then stops working once revoked.
    expect((await list({ authorization: `Bearer ${token}` })).status).toBe(200);
    expect((await revoke(created.json.id!, editor.auth)).status).toBe(200);
    expect((await list({ authorization: `Bearer ${token}` })).status).toBe(401);
    const after = await list(editor.auth);
    expect(after.json.items!.find((i) => i.id === created.json.id)!.revokedAt).not.toBeNull();
  });

  it("keeps tokens private to their owner; an admin may revoke any", async () => {
    const created = await create(editor.auth);
    expect((await revoke(created.json.id!, other.auth)).status).toBe(404);
    expect((await revoke(created.json.id!, admin.auth)).status).toBe(200);
  });

  it.each([
    ["list without credentials", () => list({}), 401],
    ["create without credentials", () => create({}), 401],
    ["create as a reader", () => create(reader.auth), 403],
    ["create with malformed JSON", () => create(editor.auth, "{"), 400],
    ["create with an unknown field", () => create(editor.auth, { name: "x", scope: "all" }), 422],
    ["revoke an unknown token", () => revoke("no-such-token", editor.auth), 404],
    ["revoke without credentials", () => revoke("no-such-token", {}), 401],
  ] as const)("%s → %i", async (_name, run, status) => {
    const before = await t.db.apiToken.count();
    expect((await run()).status).toBe(status);
    expect(await t.db.apiToken.count()).toBe(before);
  });
});
