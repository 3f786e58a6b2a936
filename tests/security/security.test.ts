import http from "node:http";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createUser } from "@/lib/auth/create-user";
import { createApiToken } from "@/lib/auth/tokens";
import { createDb, type Db } from "@/lib/db";
import { launchChromium } from "../browser/browser";

// The security suite (issue 10), against the built app started as `npm start` starts it,
// over real HTTP, and in real Chromium: `npm run test:security` (also part of `npm test`).
const baseURL = inject("baseURL");
const { hostname, port } = new URL(baseURL);
let browser: Browser;
let db: Db;
let token = "";

const SENTINEL = "window.__pwned=1";
const ATTR = `x" autofocus onfocus="${SENTINEL}" y='`;
const TAGS = `<script>${SENTINEL}</script><img src=x onerror="${SENTINEL}"><svg onload="${SENTINEL}">`;
const HOSTILE = `${TAGS} ${ATTR}`;
const HOSTILE_URL = `https://example.org/"autofocus/onfocus=${SENTINEL}//'><script>${SENTINEL}</script>`;

beforeAll(async () => {
  db = createDb(inject("databaseUrl"));
  const user = await createUser(db, { email: "security@verbatim.test", name: `Sec ${TAGS}`, role: "editor", password: "security-test-password" });
  token = (await createApiToken(db, { userId: user.id, name: "security" })).token;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await db?.$disconnect();
});

/** A raw HTTP request (fetch would normalise the path and refuse some headers). */
function raw(method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname, port, method, path, headers }, (res) => {
      let data = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (data += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: data }));
    });
    req.on("error", reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

const api = async (path: string, body: unknown) => {
  const res = await fetch(`${baseURL}${path}`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
  expect(res.status, await res.clone().text()).toBeLessThan(300);
  return (await res.json()) as Record<string, unknown>;
};

async function visit(page: Page, path: string, problems: string[]) {
  const res = await page.goto(`${baseURL}${path}`);
  expect(res?.status(), path).toBeLessThan(400);
  await page.waitForLoadState("networkidle");
  const pwned = await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned);
  if (pwned !== undefined) problems.push(`${path}: sentinel set`);
}

describe("no script from data, anywhere (Chromium)", () => {
  it("hostile values in every rendered field run nowhere: pages and HTML citations", async () => {
    const { source } = (await api("/api/sources", {
      text: `Opening. ${HOSTILE} The minister said oil flows. Closing words.`,
      title: `Title ${HOSTILE}`,
      publisher: `Publisher ${HOSTILE}`,
      author: `Author ${ATTR}; Second ${TAGS}`,
      url: HOSTILE_URL,
    })) as { source: { id: string } };
    const claim = await api("/api/claims", {
      sourceId: source.id,
      text: `Claim ${HOSTILE}`,
      spans: [{ exact: "The minister said oil flows." }, { exact: `<script>${SENTINEL}</script>` }],
      attribution: { kind: "direct", personName: `Person ${TAGS}`, role: `Role ${HOSTILE}` },
    });
    const other = await api("/api/claims", {
      sourceId: source.id,
      text: `Other ${HOSTILE}`,
      spans: [{ exact: "Closing words." }],
      attribution: { kind: "publication", role: `Publication role ${ATTR}` },
    });
    const person = (claim.attribution as { person: { id: string; slug: string } }).person;
    await api(`/api/people/${person.id}/aliases`, { alias: `Alias ${HOSTILE}` });
    await api(`/api/claims/${claim.id as string}/links`, { toClaimId: other.id, kind: "corroborates", note: `Note ${HOSTILE}` });
    const version = ((await (await fetch(`${baseURL}/api/claims/${claim.id as string}`)).json()) as { version: number }).version;
    await api(`/api/claims/${claim.id as string}/reviews`, {
      status: "disputed",
      rationale: `Rationale ${HOSTILE}`,
      expectedVersion: version,
      evidence: [
        { type: "url", url: HOSTILE_URL, note: `Evidence ${HOSTILE}` },
        { type: "claim", claimId: other.id, note: `Claim evidence ${ATTR}` },
        { type: "span", sourceId: source.id, span: { exact: "Opening." }, note: `Span evidence ${TAGS}` },
      ],
    });

    const page = await browser.newPage();
    const problems: string[] = [];
    page.on("dialog", async (d) => {
      problems.push(`dialog: ${d.message()}`);
      await d.dismiss();
    });
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) problems.push(`CSP blocked something of the app's own: ${m.text()}`);
    });
    const cite = `/api/claims/${claim.id as string}/cite?html=true&format=`;
    const paths = [
      "/claims", `/claims/${claim.id as string}`, `/claims/${other.id as string}`, "/sources", `/sources/${source.id}`, "/people", `/people/${person.slug}`,
      `/search?q=${encodeURIComponent("minister")}`, `/search?q=${encodeURIComponent(HOSTILE)}`,
      `${cite}apa`, `${cite}mla`, `${cite}chicago-author-date`, `${cite}chicago-notes`,
      `/sign-in?next=${encodeURIComponent(`/"><script>${SENTINEL}</script>`)}`, `/sign-in?error=${encodeURIComponent(HOSTILE)}`,
    ];
    for (const path of paths) await visit(page, path, problems);

    // Focus every element that could carry an injected handler, then check again.
    await page.goto(`${baseURL}/claims/${claim.id as string}`);
    await page.keyboard.press("Tab");
    for (const link of await page.locator("a").all()) await link.focus().catch(() => undefined);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    // The app's own script still runs under the CSP: the copy buttons are shown by it.
    await expect.poll(() => page.locator("button[data-copy-url]").first().isVisible()).toBe(true);
    // Only http(s) addresses become links, and the hostile URL stays one attribute.
    const hrefs = await page.locator("a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
    expect(hrefs.some((h) => /^javascript:/i.test(h))).toBe(false);
    expect(await page.locator("[onfocus], [onerror], [onload], [autofocus]").count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe("headers and errors over HTTP", () => {
  it("pages and HTML API answers carry CSP, nosniff, frame and referrer policies", async () => {
    const claimId = ((await (await fetch(`${baseURL}/api/claims?limit=1`)).json()) as { items: { id: string }[] }).items[0]!.id;
    for (const path of ["/claims", `/claims/${claimId}`, "/sources", "/sign-in", `/api/claims/${claimId}/cite?format=apa&html=true`, "/api/claims?limit=1"]) {
      const res = await raw("GET", path);
      expect(res.status, path).toBe(200);
      expect(res.headers["x-content-type-options"], path).toBe("nosniff");
      expect(res.headers["x-frame-options"], path).toBe("DENY");
      expect(res.headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
      const csp = String(res.headers["content-security-policy"]);
      expect(csp, path).toMatch(/frame-ancestors 'none'/);
      expect(csp, path).not.toMatch(/'unsafe-inline'[^;]*;?\s*$|script-src[^;]*'unsafe-inline'/);
      if (!path.startsWith("/api")) {
        const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
        expect(nonce, path).toBeTruthy();
        // Every script the page has carries this request's nonce.
        const scripts = [...res.body.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]).filter((s) => !/type="application\/ld\+json"/.test(s));
        expect(scripts.length, path).toBeGreaterThan(0);
        for (const s of scripts) expect(s, path).toContain(`nonce="${nonce}"`);
      } else {
        expect(csp, path).toMatch(/default-src 'none'/);
      }
    }
  });

  it("malformed percent-encoding is a 400, JSON for the API and a page elsewhere", async () => {
    for (const path of ["/api/claims/%E0%A4%A", "/api/sources/%", "/api/%ZZ"]) {
      const res = await raw("GET", path);
      expect(res.status, path).toBe(400);
      expect(JSON.parse(res.body), path).toMatchObject({ error: { code: "bad_request" } });
    }
    for (const path of ["/claims/%E0%A4%A", "/sources/%", "/people/%ZZ", "/%"]) {
      const res = await raw("GET", path);
      expect(res.status, path).toBe(400);
      expect(res.headers["content-type"], path).toMatch(/text\/html/);
    }
  });

  it("a method a route lacks is a JSON 405 with Allow; unknown API paths are JSON 404", async () => {
    const res = await raw("DELETE", "/api/claims");
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe("GET, POST, HEAD, OPTIONS");
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: "method_not_allowed" } });
    for (const path of ["/api", "/api/nothing/here"]) {
      const r = await raw("GET", path);
      expect(r.status, path).toBe(404);
      expect(JSON.parse(r.body), path).toMatchObject({ error: { code: "not_found" } });
    }
  });

  it("permalinks follow the Host the reader used; a client's X-Forwarded-Host is ignored", async () => {
    const claimId = ((await (await fetch(`${baseURL}/api/claims?limit=1`)).json()) as { items: { id: string }[] }).items[0]!.id;
    const res = await raw("GET", `/api/claims/${claimId}/cite?format=csl-json`, { host: "news.example:8080", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" });
    expect(res.body).toContain(`http://news.example:8080/claims/${claimId}`);
    expect(res.body).not.toContain("evil.example");
    expect(res.body).not.toContain("localhost");
  });

  it("a body declared too large is refused before it is read, on every route, sign-in included", async () => {
    for (const path of ["/api/sources", "/api/auth/sign-in/email", "/api/session/sign-in", "/api/claims"]) {
      const res = await raw("POST", path, { "content-type": "application/json", "content-length": String(300 * 1024 * 1024), origin: baseURL }, "{}");
      expect(res.status, path).toBe(413);
    }
  });

  it("a chunked body is cut off once it passes the limit: the server answers 413 long before 300 MB arrive", async () => {
    const sent = await new Promise<{ status: number; bytes: number }>((resolve, reject) => {
      let bytes = 0;
      let done = false;
      const req = http.request({ hostname, port, method: "POST", path: "/api/auth/sign-in/email", headers: { "content-type": "application/json", origin: baseURL, "transfer-encoding": "chunked" } }, (res) => {
        done = true;
        res.resume();
        resolve({ status: res.statusCode ?? 0, bytes });
        req.destroy();
      });
      req.on("error", (err) => (done ? undefined : reject(err)));
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      const pump = () => {
        while (!done && bytes < 300 * 1024 * 1024) {
          bytes += chunk.length;
          if (!req.write(chunk)) return void req.once("drain", pump);
        }
        if (!done) req.end();
      };
      pump();
    });
    expect(sent.status).toBe(413);
    expect(sent.bytes).toBeLessThan(64 * 1024 * 1024);
  });

  it("the nested-<div> page is refused at once and other requests keep answering", async () => {
    const html = `<html><body>${"<div>".repeat(10_000)}x${"</div>".repeat(10_000)}</body></html>`;
    const t0 = Date.now();
    const pending = fetch(`${baseURL}/api/sources`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify({ html }) });
    const probe = await fetch(`${baseURL}/api/claims?limit=1`);
    expect(probe.status).toBe(200);
    const res = await pending;
    expect(res.status).toBe(422);
    expect(Date.now() - t0).toBeLessThan(5_000);
  });

  it("sign-in's rate limit keys on the socket's address: a spoofed X-Forwarded-For does not reset it", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await raw(
        "POST",
        "/api/auth/sign-in/email",
        { "content-type": "application/json", origin: baseURL, "x-forwarded-for": `198.51.100.${i}`, "x-real-ip": `198.51.100.${i}` },
        JSON.stringify({ email: "nobody@verbatim.test", password: "wrong-password-here" }),
      );
      statuses.push(res.status);
    }
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(3);
  });
});
