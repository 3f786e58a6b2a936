import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDb, type Db } from "@/lib/db";
import { createTestActor, type TestActor } from "../support/actors";
import { forgetSignInAttempts, launchChromium } from "./browser";

// The reader page cache (scripts/reader-cache.mjs) against `npm start`: for every write
// path, the pages showing what it changed are cached first (a second read is a hit),
// then the write, then the very next anonymous read shows it. Also: editors' pages are
// never served from or into the cache, and a merged person's cached page is not served.
const baseURL = inject("baseURL");
const TEXT =
  "Aru Bekova said the Aktau port handled 5 million tonnes of cargo in 2024. " +
  "Berik Sadykov said the port would double its capacity by 2027. " +
  "The ministry said the port employs 3,000 people.";

let db: Db;
let editor: TestActor;
let sourceId = "";
const claims: Record<"bekova" | "sadykov" | "ministry", { id: string; slug: string | null; version: number }> = {} as never;

type Read = { status: number; state: string | null; html: string; headers: Headers };

async function read(pathname: string, headers: Record<string, string> = {}): Promise<Read> {
  const res = await fetch(`${baseURL}${pathname}`, { headers, redirect: "manual" });
  return { status: res.status, state: res.headers.get("x-verbatim-cache"), html: await res.text(), headers: res.headers };
}

const withoutNonce = (html: string) => html.replace(/[A-Za-z0-9+/]{22}==/g, "NONCE");

/** A page rendered now, around the cache (any verbatim.* cookie bypasses it). */
const fresh = async (pathname: string) => read(pathname, { cookie: "verbatim.bypass=1" });

/**
 * The next anonymous read of each page equals a fresh rendering of it (CSP nonces aside),
 * and shows `text` when given.
 */
async function expectCurrent(pages: string[], text?: string): Promise<void> {
  for (const p of pages) {
    const [served, now] = [await read(p), await fresh(p)];
    expect(now.state, p).toBeNull();
    expect(served.status, p).toBe(now.status);
    expect(withoutNonce(served.html) === withoutNonce(now.html), `${p} is served as rendered now (served from the cache: ${served.state})`).toBe(true);
    if (text !== undefined) expect(served.html.includes(text), `${p} shows ${JSON.stringify(text)}`).toBe(true);
  }
}

/** Reads each page until it is served from the cache. */
async function cacheAll(...pages: string[]): Promise<void> {
  for (const p of pages) {
    await read(p);
    expect((await read(p)).state, p).toBe("hit");
  }
}

async function api(method: string, pathname: string, body?: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(`${baseURL}${pathname}`, {
    method,
    headers: { ...editor.auth, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as Record<string, unknown>;
  if (res.status >= 300) throw new Error(`${method} ${pathname}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

async function addClaim(text: string, exact: string, personName?: string) {
  const claim = await api("POST", "/api/claims", {
    sourceId,
    text,
    spans: [{ exact }],
    attribution: personName ? { kind: "indirect", personName, newPerson: true } : { kind: "publication" },
  });
  const person = (claim.attribution as { person?: { slug: string } } | null)?.person;
  return { id: String(claim.id), slug: person?.slug ?? null, version: Number(claim.version) };
}

const version = async (id: string) => Number((await (await fetch(`${baseURL}/api/claims/${id}`)).json()).version);
const person = (key: "bekova" | "sadykov") => `/people/${claims[key].slug}`;

beforeAll(async () => {
  process.env.DATABASE_URL = inject("databaseUrl");
  db = createDb(inject("databaseUrl"));
  editor = await createTestActor(db, "editor", "Cache Tester");
  const created = await api("POST", "/api/sources", { text: TEXT, title: "Aktau port figures", publisher: "Port Wire" });
  sourceId = String((created.source as { id: string }).id);
  claims.bekova = await addClaim("The Aktau port handled 5 million tonnes of cargo in 2024.", "the Aktau port handled 5 million tonnes of cargo in 2024", "Aru Bekova");
  claims.sadykov = await addClaim("The Aktau port will double its capacity by 2027.", "the port would double its capacity by 2027", "Berik Sadykov");
  claims.ministry = await addClaim("The Aktau port employs 3,000 people.", "the port employs 3,000 people");
});

afterAll(async () => {
  await db.$disconnect();
});

describe("the reader page cache", () => {
  it("serves a page it has from the cache, each answer with its own CSP nonce on its scripts", async () => {
    const page = `/claims/${claims.bekova.id}`;
    await cacheAll(page);
    const [a, b] = [await read(page), await read(page)];
    const nonce = (r: Read) => /'nonce-([^']+)'/.exec(r.headers.get("content-security-policy") ?? "")?.[1];
    expect(a.state).toBe("hit");
    expect(nonce(a)).toBeTruthy();
    expect(nonce(a)).not.toBe(nonce(b));
    for (const r of [a, b]) {
      const scripts = [...r.html.matchAll(/<script[^>]*nonce="([^"]+)"/g)].map((m) => m[1]);
      expect(scripts.length).toBeGreaterThan(0);
      expect(new Set(scripts)).toEqual(new Set([nonce(r)]));
    }
    // gzip is given to those who ask for it, from the same cached page
    const zipped = await fetch(`${baseURL}${page}`, { headers: { "accept-encoding": "gzip" } });
    expect(zipped.headers.get("content-encoding")).toBe("gzip");
    expect((await zipped.text()).includes(claims.bekova.id)).toBe(true);
  });

  it("never serves an editor's page to a reader, nor the reader's page to an editor", async () => {
    const page = `/claims/${claims.sadykov.id}`;
    await forgetSignInAttempts(db);
    const signIn = await fetch(`${baseURL}/api/session/sign-in`, {
      method: "POST",
      redirect: "manual",
      headers: { origin: baseURL, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: editor.email, password: "test-password-123", next: page }),
    });
    const cookie = signIn.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    expect(cookie).toMatch(/verbatim\.session_token=/);
    const REVIEW_FORM = 'aria-label="Review this claim"';
    // The editor first: rendered for them, not kept.
    await api("POST", `/api/claims/${claims.sadykov.id}/reviews`, { status: "stale", expectedVersion: await version(claims.sadykov.id), rationale: "Superseded by the 2025 plan." });
    const asEditor = await read(page, { cookie });
    expect(asEditor.state).toBeNull();
    expect(asEditor.html.includes(REVIEW_FORM)).toBe(true);
    const asReader = await read(page);
    expect(asReader.state).toBe("miss");
    expect(asReader.html.includes(REVIEW_FORM)).toBe(false);
    expect(asReader.html.includes("Cache Tester</span>")).toBe(false);
    // Then the reader's page is cached, and the editor still gets their own.
    expect((await read(page)).state).toBe("hit");
    const again = await read(page, { cookie });
    expect(again.state).toBeNull();
    expect(again.html.includes(REVIEW_FORM)).toBe(true);
    // An API client with a token is not served the cache either.
    expect((await read(page, editor.auth)).state).toBeNull();
  });

  it("renders a page once for a crowd of readers arriving together, and gives each the same page", async () => {
    const page = `/claims/${claims.ministry.id}`;
    await api("POST", `/api/claims/${claims.ministry.id}/reviews`, { status: "disputed", expectedVersion: await version(claims.ministry.id), rationale: "Payroll again." });
    const crowd = await Promise.all(Array.from({ length: 12 }, () => read(page)));
    expect(crowd.filter((r) => r.state === "miss").length).toBe(1);
    expect(crowd.filter((r) => r.state === "hit").length).toBe(11);
    expect(new Set(crowd.map((r) => withoutNonce(r.html))).size).toBe(1);
    await expectCurrent([page], "Payroll again.");
  });

  it("never caches a search, the queue, client-side navigation requests or a 404", async () => {
    for (const p of ["/queue", "/sign-in", "/"]) {
      expect((await read(p)).state, p).toBeNull();
    }
    // A search is answered before Next but never from the cache (search-page.test.ts).
    expect((await read("/search?q=Aktau")).state).toBe("search");
    expect((await read("/search?q=Aktau")).state).toBe("search");
    await read("/claims/no-such-claim");
    expect((await read("/claims/no-such-claim")).state).toBe("miss"); // a 404 is never kept
    expect((await read(`/claims/${claims.bekova.id}`, { rsc: "1" })).state).toBeNull();
    expect((await read(`/claims/no-such-claim`)).status).toBe(404);
    expect((await read(`/claims/${claims.bekova.id}?_rsc=abc`)).state).toBeNull();
  });

  it("review: the claim, its source, its speaker and the lists show the new verdict at once", async () => {
    const c = claims.bekova;
    const pages = [`/claims/${c.id}`, `/sources/${sourceId}`, person("bekova"), "/claims"];
    await cacheAll(...pages);
    await api("POST", `/api/claims/${c.id}/reviews`, { status: "disputed", expectedVersion: await version(c.id), rationale: "The port authority reports 4.1 million tonnes." });
    await expectCurrent(pages);
    expect((await read(pages[0]!)).html.includes("The port authority reports 4.1 million tonnes.")).toBe(true);
    expect(new RegExp(`class="hl hl-disputed"[^>]*data-claim-ids="${c.id}"`).test((await read(pages[1]!)).html)).toBe(true);
  });

  it("leaves the pages a write does not touch in the cache", async () => {
    const other = "/claims/rferl-cpc-80-percent-oil-exports"; // a seed claim in another source
    await cacheAll(other);
    await api("POST", `/api/claims/${claims.ministry.id}/reviews`, { status: "supported", expectedVersion: await version(claims.ministry.id), rationale: "Ministry payroll." });
    expect((await read(other)).state).toBe("hit");
  });

  it("edit: the new wording is on the claim page, the source page, its neighbours and the lists", async () => {
    const c = claims.ministry;
    const pages = [`/claims/${c.id}`, `/sources/${sourceId}`, `/claims/${claims.bekova.id}`, "/claims"];
    await cacheAll(...pages);
    await api("PATCH", `/api/claims/${c.id}`, { expectedVersion: await version(c.id), text: "The Aktau port employs about 3,000 people." });
    await expectCurrent(pages, "The Aktau port employs about 3,000 people.");
  });

  it("link: both claims' pages show it", async () => {
    const [a, b] = [claims.bekova.id, claims.sadykov.id];
    await cacheAll(`/claims/${a}`, `/claims/${b}`);
    await api("POST", `/api/claims/${a}/links`, { toClaimId: b, kind: "corroborates", note: "Same port, same desk." });
    await expectCurrent([`/claims/${a}`, `/claims/${b}`], "Same port, same desk.");
  });

  it("new claim: its source, its speaker's and its neighbours' pages and the lists show it", async () => {
    const pages = [`/sources/${sourceId}`, person("sadykov"), "/claims", `/claims/${claims.ministry.id}`];
    await cacheAll(...pages);
    const added = await addClaim("Berik Sadykov spoke about the port's capacity.", "Berik Sadykov said", undefined);
    await expectCurrent(pages);
    for (const p of [`/sources/${sourceId}`, "/claims", `/claims/${claims.ministry.id}`]) expect((await read(p)).html.includes(`/claims/${added.id}`), p).toBe(true);
  });

  it("alias: the person's page shows a new spelling and no longer shows a removed one", async () => {
    const page = person("bekova");
    await cacheAll(page, "/people");
    const alias = await api("POST", `/api/people/${claims.bekova.slug}/aliases`, { alias: "Aru Bekowa" });
    await expectCurrent([page, "/people"]);
    expect((await read(page)).html.includes("Aru Bekowa")).toBe(true);
    await cacheAll(page);
    const res = await fetch(`${baseURL}/api/people/${claims.bekova.slug}/aliases/${alias.id}`, { method: "DELETE", headers: editor.auth });
    expect(res.status).toBeLessThan(300);
    await expectCurrent([page]);
    expect((await read(page)).html.includes("Aru Bekowa")).toBe(false);
  });

  it("person identifiers: sameAs shows on the person's page", async () => {
    const page = person("sadykov");
    await cacheAll(page);
    await api("PATCH", `/api/people/${claims.sadykov.slug}`, { sameAs: ["https://www.wikidata.org/wiki/Q4115189"] });
    await expectCurrent([page], "Q4115189");
  });

  it("source metadata: the source's page, its claims' pages and the sources list show the new title", async () => {
    const pages = [`/sources/${sourceId}`, `/claims/${claims.bekova.id}`, person("bekova"), "/sources"];
    await cacheAll(...pages);
    const current = (await (await fetch(`${baseURL}/api/sources/${sourceId}`)).json()) as { version: number };
    await api("PATCH", `/api/sources/${sourceId}`, { expectedVersion: current.version, title: "Aktau port: the 2024 figures" });
    await expectCurrent(pages, "Aktau port: the 2024 figures");
  });

  it("revision: the old revision's page and its claims' pages show the new revision", async () => {
    const pages = [`/sources/${sourceId}`, `/claims/${claims.sadykov.id}`, `/claims/${claims.bekova.id}`, "/sources"];
    await cacheAll(...pages);
    const revised = await api("POST", `/api/sources/${sourceId}/revisions`, { text: TEXT.replace("double its capacity", "triple its capacity") });
    await expectCurrent(pages);
    expect((await read(pages[0]!)).html.includes(`/sources/${String(revised.sourceId)}`)).toBe(true);
    // The quote that changed: the editor keeps the claim on the old revision as stale.
    const newPages = [...pages, `/sources/${String(revised.sourceId)}`];
    await cacheAll(...newPages);
    await api("POST", `/api/claims/${claims.sadykov.id}/source-change`, { action: "stale", expectedVersion: await version(claims.sadykov.id), rationale: "The port now says triple." });
    await expectCurrent(newPages);
    expect((await read(`/claims/${claims.sadykov.id}`)).html.includes("The port now says triple.")).toBe(true);
  });

  it("an editor's form (a server action, here in Chromium) shows to the next reader at once", async () => {
    const page = `/claims/${claims.bekova.id}`;
    await cacheAll(page, `/sources/${sourceId}`);
    const browser = await launchChromium();
    try {
      await forgetSignInAttempts(db);
      const context = await browser.newContext();
      const tab = await context.newPage();
      await tab.goto(`${baseURL}/sign-in?next=${encodeURIComponent(page)}`);
      await tab.fill('input[name="email"]', editor.email);
      await tab.fill('input[name="password"]', "test-password-123");
      await tab.click('main button[type="submit"]');
      await tab.waitForURL(`${baseURL}${page}`);
      const before = await version(claims.bekova.id);
      await tab.check('#review-form input[value="supported"]');
      await tab.fill('#review-form textarea[name="rationale"]', "Port authority confirmed 5 million tonnes.");
      await tab.click('#review-form button[value="save"]');
      await expect.poll(() => version(claims.bekova.id)).toBe(before + 1);
      await context.close();
    } finally {
      await browser.close();
    }
    await expectCurrent([page, `/sources/${sourceId}`]);
    expect((await read(page)).html.includes("Port authority confirmed 5 million tonnes.")).toBe(true);
  });

  it("merge: the merged person's cached page is not served (it redirects), and the survivor lists the claims", async () => {
    const merged = person("sadykov");
    const survivor = person("bekova");
    const pages = [survivor, `/claims/${claims.sadykov.id}`, "/people"];
    await cacheAll(merged, ...pages);
    await api("POST", `/api/people/${claims.bekova.slug}/merge`, { mergedId: claims.sadykov.slug });
    const gone = await read(merged);
    expect(gone.status).toBe(308);
    expect(gone.state).not.toBe("hit");
    await expectCurrent(pages);
    expect((await read(survivor)).html.includes(`/claims/${claims.sadykov.id}`)).toBe(true);
    expect((await read(`/claims/${claims.sadykov.id}`)).html.includes(`href="${survivor}"`)).toBe(true);
  });

  it("a write by another process (verbatim ingest) shows at once too", async () => {
    await cacheAll("/claims", "/sources");
    const dir = mkdtempSync(path.join(os.tmpdir(), "verbatim-cache-ingest-"));
    try {
      const file = path.join(dir, "claims.jsonl");
      const text = "The Kuryk port opened a ferry terminal in 2024, the operator said.";
      writeFileSync(file, `${JSON.stringify({ source: { text, title: "Kuryk ferries" }, claims: [{ text: "Kuryk opened a ferry terminal in 2024.", spans: [{ exact: "The Kuryk port opened a ferry terminal in 2024" }], attribution: { kind: "publication" } }] })}\n`);
      const run = spawnSync(process.execPath, ["bin/verbatim.mjs", "ingest", file], { env: { ...process.env, DATABASE_URL: inject("databaseUrl") }, encoding: "utf8" });
      expect(run.status, run.stderr).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    await expectCurrent(["/claims"], "Kuryk opened a ferry terminal in 2024.");
    await expectCurrent(["/sources"], "Kuryk ferries");
  });

  it("a direct database write (a test fixture's) shows at once: the triggers see every writer", async () => {
    const page = `/claims/${claims.bekova.id}`;
    await cacheAll(page);
    await db.claimLink.deleteMany({ where: { fromClaimId: claims.bekova.id } });
    const after = await read(page);
    expect(after.state).toBe("miss");
    expect(after.html.includes("data-link-id")).toBe(false);
    await expectCurrent([page]);
  });
});
