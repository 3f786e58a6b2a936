import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as authPostRoute } from "@/app/api/auth/[...all]/route";
import { POST as postReviewRoute } from "@/app/api/claims/[id]/reviews/route";
import { POST as signInFormRoute } from "@/app/api/session/sign-in/route";
import { SIGN_IN_RATE_LIMIT } from "@/lib/auth/auth";
import { createUser } from "@/lib/auth/create-user";
import { createApiToken, revokeApiToken } from "@/lib/auth/tokens";
import { CLIENT_IP_HEADER } from "@/lib/http/client-ip";
import { jsonRequest } from "../support/actors";
import { freshDatabase, type TestDatabase, useAsAppDatabase } from "../support/database";

// Sign-in through better-auth's own handler, cookies, CSRF and tokens, on a real SQLite file.
const authPost = (req: Request) => authPostRoute(req, undefined);
let t: TestDatabase;
const BASE = "http://verbatim.test";
const PASSWORD = "a-long-enough-password";
let editorId: string;
beforeAll(async () => {
  // As scripts/server.mjs does in the running app: it sets this header from the socket.
  (globalThis as { verbatimClientIpHeader?: string }).verbatimClientIpHeader = CLIENT_IP_HEADER;
  t = await freshDatabase();
  useAsAppDatabase(t);
  editorId = (await createUser(t.db, { email: "ed@verbatim.test", name: "Ed", role: "editor", password: PASSWORD })).id;
});
afterAll(() => t.cleanup());

const CLAIM = "toqaev-agreed-energy-partnership";
let ip = 0;
const nextIp = () => `203.0.113.${++ip}`;

function signIn(email: string, password: string, clientIp = nextIp()) {
  return authPost(jsonRequest(`${BASE}/api/auth/sign-in/email`, "POST", { email, password }, { origin: BASE, [CLIENT_IP_HEADER]: clientIp }));
}
const sessionCookie = (res: Response) =>
  res.headers.getSetCookie().find((c) => c.startsWith("verbatim.session_token="))!.split(";")[0]!;

async function reviewWith(headers: Record<string, string>) {
  const version = (await t.db.claim.findUniqueOrThrow({ where: { id: CLAIM } })).version;
  const req = jsonRequest(`${BASE}/api/claims/${CLAIM}/reviews`, "POST", { status: "supported", expectedVersion: version }, headers);
  return postReviewRoute(req, { params: Promise.resolve({ id: CLAIM }) });
}

describe("sign-in", () => {
  it("sets an httpOnly, SameSite session cookie for the right password", async () => {
    const res = await signIn("ed@verbatim.test", PASSWORD);
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith("verbatim.session_token="))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it("refuses a wrong password and an unknown email alike", async () => {
    expect((await signIn("ed@verbatim.test", "wrong-password-here")).status).toBe(401);
    expect((await signIn("nobody@verbatim.test", PASSWORD)).status).toBe(401);
  });

  it("refuses a sign-in posted from another site", async () => {
    const res = await authPost(
      jsonRequest(`${BASE}/api/auth/sign-in/email`, "POST", { email: "ed@verbatim.test", password: PASSWORD }, { origin: "https://evil.example", host: "verbatim.test", [CLIENT_IP_HEADER]: nextIp() }),
    );
    expect(res.status).toBe(403);
    expect(res.headers.getSetCookie()).toEqual([]);
  });

  it("accepts a sign-in from the host the request came to", async () => {
    const res = await authPost(
      new Request("http://localhost:3000/api/auth/sign-in/email", {
        method: "POST",
        headers: { "content-type": "application/json", origin: "http://127.0.0.1:4321", host: "127.0.0.1:4321", [CLIENT_IP_HEADER]: nextIp() },
        body: JSON.stringify({ email: "ed@verbatim.test", password: PASSWORD }),
      }),
    );
    expect(res.status).toBe(200);
  });

  it("has no public sign-up", async () => {
    const res = await authPost(
      jsonRequest(`${BASE}/api/auth/sign-up/email`, "POST", { email: "new@verbatim.test", password: PASSWORD, name: "New" }, { origin: BASE, [CLIENT_IP_HEADER]: nextIp() }),
    );
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(await t.db.user.count({ where: { email: "new@verbatim.test" } })).toBe(0);
  });

  it("rate-limits sign-in attempts per client address", async () => {
    const clientIp = nextIp();
    const statuses: number[] = [];
    for (let i = 0; i < SIGN_IN_RATE_LIMIT.max + 2; i++) statuses.push((await signIn("ed@verbatim.test", "wrong-password-here", clientIp)).status);
    expect(statuses.slice(0, SIGN_IN_RATE_LIMIT.max).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(SIGN_IN_RATE_LIMIT.max)).toEqual([429, 429]);
    // Even the right password is refused until the window passes; another address is not affected.
    expect((await signIn("ed@verbatim.test", PASSWORD, clientIp)).status).toBe(429);
    expect((await signIn("ed@verbatim.test", PASSWORD)).status).toBe(200);
  });

  it("cannot be dodged with X-Forwarded-For: only the server's own client address counts", async () => {
    const clientIp = nextIp();
    const statuses: number[] = [];
    for (let i = 0; i < SIGN_IN_RATE_LIMIT.max + 2; i++) {
      const req = jsonRequest(`${BASE}/api/auth/sign-in/email`, "POST", { email: "ed@verbatim.test", password: "wrong-password-here" }, {
        origin: BASE,
        [CLIENT_IP_HEADER]: clientIp,
        "x-forwarded-for": `198.51.100.${i + 1}`,
        "x-real-ip": `198.51.100.${i + 1}`,
      });
      statuses.push((await authPost(req)).status);
    }
    expect(statuses.slice(SIGN_IN_RATE_LIMIT.max)).toEqual([429, 429]);
  });

  it("without the server in front, a client-sent address header is not believed (one shared bucket)", async () => {
    const holder = globalThis as { verbatimClientIpHeader?: string };
    holder.verbatimClientIpHeader = undefined;
    try {
      const statuses: number[] = [];
      for (let i = 0; i < SIGN_IN_RATE_LIMIT.max + 1; i++) {
        const req = jsonRequest(`${BASE}/api/auth/sign-in/email`, "POST", { email: "ed@verbatim.test", password: "wrong-password-here" }, {
          origin: BASE,
          [CLIENT_IP_HEADER]: nextIp(),
          "x-forwarded-for": nextIp(),
        });
        statuses.push((await authPost(req)).status);
      }
      expect(statuses.at(-1)).toBe(429);
    } finally {
      holder.verbatimClientIpHeader = CLIENT_IP_HEADER;
    }
  });

  it("removes rate-limit rows whose window ended long ago", async () => {
    await t.db.rateLimit.create({ data: { id: "old-row", key: "192.0.2.1|/sign-in/email", count: 5, lastRequest: BigInt(Date.now() - 24 * 3600_000) } });
    // The sweep runs at most once a minute per process; wait it out with a fake clock.
    const realNow = Date.now;
    Date.now = () => realNow() + 5 * 60_000;
    try {
      await signIn("ed@verbatim.test", "wrong-password-here");
    } finally {
      Date.now = realNow;
    }
    expect(await t.db.rateLimit.count({ where: { id: "old-row" } })).toBe(0);
  });
});

describe("accounts", () => {
  it("a user cannot rename themselves (or change email, or delete the account) through better-auth", async () => {
    const cookie = sessionCookie(await signIn("ed@verbatim.test", PASSWORD));
    for (const path of ["update-user", "change-email", "delete-user"]) {
      const res = await authPost(jsonRequest(`${BASE}/api/auth/${path}`, "POST", { name: "Someone Else", newEmail: "x@verbatim.test" }, { cookie, origin: BASE }));
      expect(res.status, path).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("forbidden");
    }
    expect((await t.db.user.findUniqueOrThrow({ where: { id: editorId } })).name).toBe("Ed");
    const unknown = await authPost(jsonRequest(`${BASE}/api/auth/sign-up/email`, "POST", {}, { origin: BASE }));
    expect(unknown.status).toBe(404);
  });

  it("changing the password ends other sessions and revokes every API token", async () => {
    const other = await createUser(t.db, { email: "pw@verbatim.test", name: "Pw", role: "editor", password: PASSWORD });
    const { token } = await createApiToken(t.db, { userId: other.id, name: "script" });
    const first = sessionCookie(await signIn("pw@verbatim.test", PASSWORD));
    const second = sessionCookie(await signIn("pw@verbatim.test", PASSWORD));
    expect((await reviewWith({ authorization: `Bearer ${token}` })).status).toBe(201);
    const res = await authPost(
      jsonRequest(`${BASE}/api/auth/change-password`, "POST", { currentPassword: PASSWORD, newPassword: "another-long-password", revokeOtherSessions: false }, { cookie: first, origin: BASE }),
    );
    expect(res.status).toBe(200);
    expect((await reviewWith({ authorization: `Bearer ${token}` })).status).toBe(401);
    expect((await reviewWith({ cookie: second, origin: BASE })).status).toBe(401);
    expect(await t.db.apiToken.count({ where: { userId: other.id, revokedAt: null } })).toBe(0);
  });

  it("an admin renames a user from the command line's function, at most 200 characters", async () => {
    const { renameUser } = await import("@/lib/auth/create-user");
    await renameUser(t.db, { userId: editorId, name: "  Ed Itor  " });
    expect((await t.db.user.findUniqueOrThrow({ where: { id: editorId } })).name).toBe("Ed Itor");
    await expect(renameUser(t.db, { userId: editorId, name: "x".repeat(201) })).rejects.toMatchObject({ code: "unprocessable" });
    await renameUser(t.db, { userId: editorId, name: "Ed" });
  });

  it("the CLI's password change revokes API tokens too", async () => {
    const { setPassword } = await import("@/lib/auth/create-user");
    const { token } = await createApiToken(t.db, { userId: editorId, name: "cli" });
    await setPassword(t.db, { userId: editorId, password: PASSWORD });
    expect((await reviewWith({ authorization: `Bearer ${token}` })).status).toBe(401);
  });
});

describe("cookie sessions and CSRF", () => {
  it("accepts a same-origin mutation and refuses a cross-site one", async () => {
    const cookie = sessionCookie(await signIn("ed@verbatim.test", PASSWORD));
    expect((await reviewWith({ cookie, origin: BASE })).status).toBe(201);
    const evil = await reviewWith({ cookie, origin: "https://evil.example" });
    expect(evil.status).toBe(403);
    expect((await reviewWith({ cookie })).status).toBe(403); // no Origin, no Sec-Fetch-Site
    expect((await reviewWith({ cookie, "sec-fetch-site": "cross-site", origin: BASE })).status).toBe(403);
  });

  it("stops accepting the session after sign-out", async () => {
    const cookie = sessionCookie(await signIn("ed@verbatim.test", PASSWORD));
    const out = await authPost(new Request(`${BASE}/api/auth/sign-out`, { method: "POST", headers: { cookie, origin: BASE } }));
    expect(out.status).toBe(200);
    expect((await reviewWith({ cookie, origin: BASE })).status).toBe(401);
  });
});

describe("API tokens", () => {
  it("authenticate until revoked; only the hash is stored", async () => {
    const { token, info } = await createApiToken(t.db, { userId: editorId, name: "ci" });
    const row = await t.db.apiToken.findUniqueOrThrow({ where: { id: info.id } });
    expect(row.tokenHash).not.toContain(token);
    expect(JSON.stringify(row)).not.toContain(token);
    expect((await reviewWith({ authorization: `Bearer ${token}` })).status).toBe(201);
    await revokeApiToken(t.db, { id: info.id });
    const res = await reviewWith({ authorization: `Bearer ${token}` });
    expect(res.status).toBe(401);
  });
});

describe("sign-in form (no JavaScript needed)", () => {
  const form = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
    signInFormRoute(
      new Request(`${BASE}/api/session/sign-in`, {
        method: "POST",
        headers: { origin: BASE, [CLIENT_IP_HEADER]: nextIp(), "content-type": "application/x-www-form-urlencoded", ...headers },
        body: new URLSearchParams(fields).toString(),
      }),
      undefined,
    );

  it("signs in and sends the browser on to a local path only", async () => {
    const ok = await form({ email: "ed@verbatim.test", password: PASSWORD, next: "/queue" });
    expect(ok.status).toBe(303);
    expect(ok.headers.get("location")).toBe("/queue");
    expect(ok.headers.getSetCookie().some((c) => c.startsWith("verbatim.session_token="))).toBe(true);
    const sessionsBefore = await t.db.session.count();
    for (const next of ["//evil.example/x", "/%09/evil.example", "/\t/evil.example", "/\\evil.example", "/\r\nSet-Cookie: x=1", "/\u0000x", "https://evil.example/"]) {
      const offsite = await form({ email: "ed@verbatim.test", password: PASSWORD, next });
      expect(offsite.status, JSON.stringify(next)).toBe(303);
      expect(offsite.headers.get("location"), JSON.stringify(next)).toBe("/");
    }
    // Each of those signed in once and no more: no session was created by a failed answer.
    expect(await t.db.session.count()).toBe(sessionsBefore + 7);
  });

  it("sends a wrong password back to the form with the reason and no cookie", async () => {
    const res = await form({ email: "ed@verbatim.test", password: "nope-nope-nope", next: "/queue" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/sign-in?error=invalid&next=%2Fqueue");
    expect(res.headers.getSetCookie()).toEqual([]);
  });

  it("refuses a form posted from another site", async () => {
    const res = await form({ email: "ed@verbatim.test", password: PASSWORD }, { origin: "https://evil.example" });
    expect(res.status).toBe(403);
  });
});
