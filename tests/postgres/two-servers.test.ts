// Two app servers (the built app, `npm start` twice) on one PostgreSQL database, as
// behind a load balancer: each sees the other's writes at once, and a review at a version
// the other server has already moved on from is a 409, never an overwrite.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createApiToken } from "@/lib/auth/tokens";
import { createUser } from "@/lib/auth/create-user";
import { createDb, type Db } from "@/lib/db";
import { recreateDatabase } from "@/lib/migrate/pg-databases";

const root = path.resolve(import.meta.dirname, "..", "..");
const SECRET = "two-servers-share-this-secret-0123456789";
let url = "";
let db: Db;
const servers: { base: string; child: ChildProcess }[] = [];
let auth: Record<string, string> = {};

const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });

async function startServer(): Promise<{ base: string; child: ChildProcess }> {
  const port = await freePort();
  let log = "";
  const child = spawn(process.execPath, ["scripts/start.mjs", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url, BETTER_AUTH_SECRET: SECRET, VERBATIM_DEMO_EDITOR: "0", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d) => (log += d));
  child.stderr?.on("data", (d) => (log += d));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 360; i++) {
    if (child.exitCode !== null) throw new Error(`server exited: ${log}`);
    if (await fetch(`${base}/api/claims?limit=1`).then((r) => r.ok, () => false)) return { base, child };
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not start: ${log}`);
}

beforeAll(async () => {
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) throw new Error("No production build: run `npm run build` first (npm test does).");
  url = await recreateDatabase(inject("pgServerUrl"), "verbatim_two_servers");
  servers.push(await startServer()); // migrates and seeds the empty database
  servers.push(await startServer()); // finds it migrated and seeded
  process.env.DATABASE_URL = url;
  process.env.BETTER_AUTH_SECRET = SECRET;
  db = createDb(url);
  const user = await createUser(db, { email: "two@verbatim.test", role: "editor", name: "Two Servers", password: "test-password-123" });
  auth = { authorization: `Bearer ${(await createApiToken(db, { userId: user.id, name: "two" })).token}` };
}, 240_000);

afterAll(async () => {
  for (const s of servers) s.child.kill("SIGTERM");
  await Promise.all(servers.map((s) => new Promise((r) => (s.child.exitCode === null ? s.child.once("exit", r) : r(null)))));
  await db?.$disconnect();
  delete process.env.BETTER_AUTH_SECRET;
});

const review = (base: string, id: string, body: object) =>
  fetch(`${base}/api/claims/${id}/reviews`, { method: "POST", headers: { "content-type": "application/json", ...auth }, body: JSON.stringify(body) });
const claimOn = async (base: string, id: string) => (await (await fetch(`${base}/api/claims/${id}`)).json()) as { status: string; version: number };

describe("two app servers on one PostgreSQL", () => {
  it("see each other's writes at once, and keep optimistic concurrency between them", async () => {
    const [a, b] = servers.map((s) => s.base) as [string, string];
    const id = "toqaev-mentioned-talks-xi-trump";
    const before = await claimOn(b, id);
    expect((await review(a, id, { status: "disputed", rationale: "Written through server A.", expectedVersion: before.version })).status).toBe(201);
    expect(await claimOn(b, id)).toMatchObject({ status: "disputed", version: before.version + 1 });
    // Server B's client still holds the old version: refused, not applied over A's review.
    const stale = await review(b, id, { status: "supported", expectedVersion: before.version });
    expect(stale.status).toBe(409);
    expect(await claimOn(a, id)).toMatchObject({ status: "disputed", version: before.version + 1 });
    expect((await review(b, id, { status: "supported", expectedVersion: before.version + 1 })).status).toBe(201);
    expect(await claimOn(a, id)).toMatchObject({ status: "supported", version: before.version + 2 });
  });

  it("a page in one server's reader cache shows a write made through the other at the next read", async () => {
    const [a, b] = servers.map((s) => s.base) as [string, string];
    const id = "rferl-cpc-80-percent-oil-exports";
    const page = async () => {
      const res = await fetch(`${b}/claims/${id}`);
      return { state: res.headers.get("x-verbatim-cache"), html: await res.text() };
    };
    await page();
    expect((await page()).state).toBe("hit");
    const { version } = await claimOn(a, id);
    const rationale = "Written through server A while server B held the page.";
    expect((await review(a, id, { status: "stale", rationale, expectedVersion: version })).status).toBe(201);
    const after = await page();
    expect(after.state).toBe("miss");
    expect(after.html).toContain(rationale);
    expect((await page()).state).toBe("hit");
  });

  it("a session signed in on one server is accepted by the other (the shared secret)", async () => {
    const [a, b] = servers.map((s) => s.base) as [string, string];
    const signIn = await fetch(`${a}/api/session/sign-in`, {
      method: "POST",
      headers: { origin: a, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: "two@verbatim.test", password: "test-password-123", next: "/" }),
      redirect: "manual",
    });
    const cookie = (signIn.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]).join("; ");
    expect(cookie).toMatch(/verbatim\.session_token=/);
    const queue = await fetch(`${b}/queue`, { headers: { cookie }, redirect: "manual" });
    expect(queue.status).toBe(200);
    expect(await queue.text()).toContain("Two Servers");
  });
});
