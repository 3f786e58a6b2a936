import { parseHTML } from "linkedom";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDb, type Db } from "@/lib/db";
import { createTestActor, type TestActor } from "../support/actors";
import { launchChromium } from "./browser";

// An anonymous reader's search is answered by the server in front of Next
// (scripts/search-page.mjs): the search's content put into the cached empty search
// page. It must be the page Next renders (a verbatim.* cookie has Next render it), with
// no script to hydrate it, fresh after every write, and usable in Chromium.
const baseURL = inject("baseURL");
const HOSTILE = `"><script>window.__pwned=1</script><img src=x onerror=alert(1)> & ‘Tokayev’`;

let db: Db;
let editor: TestActor;
let claimId = "";
let browser: Browser;

type Read = { status: number; state: string | null; html: string; headers: Headers };
async function read(pathname: string, headers: Record<string, string> = {}): Promise<Read> {
  const res = await fetch(`${baseURL}${pathname}`, { headers, redirect: "manual" });
  return { status: res.status, state: res.headers.get("x-verbatim-cache"), html: await res.text(), headers: res.headers };
}
const byNext = (pathname: string) => read(pathname, { cookie: "verbatim.bypass=1" });

/** What a reader sees of a page: title, header, content (React's text separators aside). */
function seen(html: string) {
  const { document } = parseHTML(html);
  const strip = (s: string) => s.replace(/<!--[^>]*-->/g, "");
  return {
    title: document.querySelector("title")?.textContent,
    header: strip(document.querySelector("header.site")?.outerHTML ?? ""),
    main: strip(document.querySelector("main")?.outerHTML ?? ""),
    styles: [...document.querySelectorAll('link[rel="stylesheet"]')].map((l) => l.getAttribute("href")),
  };
}

async function api(method: string, pathname: string, body: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(`${baseURL}${pathname}`, { method, headers: { ...editor.auth, "content-type": "application/json" }, body: JSON.stringify(body) });
  const json = (await res.json()) as Record<string, unknown>;
  if (res.status >= 300) throw new Error(`${method} ${pathname}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

beforeAll(async () => {
  process.env.DATABASE_URL = inject("databaseUrl");
  db = createDb(inject("databaseUrl"));
  editor = await createTestActor(db, "editor", "Search Tester");
  const text = "Dana Omarova said the Khorgos dry port handled 480,000 containers in 2025.";
  const created = await api("POST", "/api/sources", { text, title: "Khorgos figures", publisher: "Dry Port Wire" });
  const claim = await api("POST", "/api/claims", {
    sourceId: (created.source as { id: string }).id,
    text: "The Khorgos dry port handled 480,000 containers in 2025.",
    spans: [{ exact: "the Khorgos dry port handled 480,000 containers in 2025" }],
    attribution: { kind: "indirect", personName: "Dana Omarova", newPerson: true },
  });
  claimId = String(claim.id);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await db.$disconnect();
});

describe("the search page for anonymous readers", () => {
  it("is the page Next renders — results, facets, errors, hostile and odd queries — without its scripts", async () => {
    const pages = [
      "/search?q=Tokayev", "/search?q=Toqaev", "/search?q=oil+exports", "/search?q=oil%20exports&status=unreviewed",
      "/search?q=khorgos&person=dana-omarova", "/search?q=khorgos&source=no-such-source", "/search?q=oil&cursor=not-a-cursor",
      `/search?q=${encodeURIComponent(HOSTILE)}`, "/search?q=zzzz-nothing", `/search?q=${"long".repeat(60)}`,
      "/search?q=pipeline&q=other", "/search?q=%F0%9F%98%80", "/search?status=supported", "/search?q=detials",
    ];
    for (const p of pages) {
      const [fast, next] = [await read(p), await byNext(p)];
      expect(fast.state, p).toBe("search");
      expect(next.state, p).toBeNull();
      expect(fast.status, p).toBe(next.status);
      expect(seen(fast.html), p).toEqual(seen(next.html));
      expect(fast.html, p).not.toMatch(/<script/i);
      expect(fast.headers.get("content-security-policy"), p).toMatch(/script-src 'self' 'nonce-/);
      expect(fast.headers.get("x-frame-options"), p).toBe("DENY");
      expect(fast.headers.get("cache-control"), p).toMatch(/no-store/);
    }
    // The hostile query is text on the page, in the form and the title, never markup.
    const hostile = parseHTML((await read(`/search?q=${encodeURIComponent(HOSTILE)}`)).html).document;
    expect(hostile.querySelectorAll("main script, main img")).toHaveLength(0);
    expect(hostile.querySelector("#search-page-q")?.getAttribute("value")).toBe(HOSTILE.trim());
  });

  it("gives each answer a CSP nonce of its own, and gzip when asked", async () => {
    const nonce = async () => /'nonce-([^']+)'/.exec((await read("/search?q=Tokayev")).headers.get("content-security-policy") ?? "")?.[1];
    const [a, b] = [await nonce(), await nonce()];
    expect(a).toBeTruthy();
    expect(a).not.toBe(b);
    const zipped = await fetch(`${baseURL}/search?q=Tokayev`, { headers: { "accept-encoding": "gzip" } });
    expect(zipped.headers.get("content-encoding")).toBe("gzip");
    expect(await zipped.text()).toContain("Tokayev");
  });

  it("shows every write at once: a new verdict and new wording are in the next search", async () => {
    const version = async () => Number((await (await fetch(`${baseURL}/api/claims/${claimId}`)).json()).version);
    const v = await version();
    await read("/search?q=khorgos");
    await api("POST", `/api/claims/${claimId}/reviews`, { status: "disputed", expectedVersion: v, rationale: "The operator reports 410,000." });
    let page = parseHTML((await read("/search?q=khorgos")).html).document;
    expect(page.querySelector(`li[data-claim-id="${claimId}"] .badge`)?.getAttribute("data-status")).toBe("disputed");
    await api("PATCH", `/api/claims/${claimId}`, { text: "The Khorgos gateway handled 480,000 containers in 2025.", expectedVersion: await version() });
    page = parseHTML((await read("/search?q=gateway")).html).document;
    expect(page.querySelector(`li[data-claim-id="${claimId}"] .claim-text`)?.textContent).toContain("Khorgos gateway");
  });

  it("works in Chromium, with and without JavaScript: results, a facet, the next search, sign-in coming back", async () => {
    for (const javaScriptEnabled of [true, false]) {
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error") problems.push(m.text());
      });
      await page.goto(`${baseURL}/search?q=Tokayev`);
      await expect.poll(() => page.locator("ol.claims > li").count()).toBeGreaterThan(0);
      expect(await page.title()).toBe("“Tokayev” · Search · Verbatim");
      await page.locator(".facet a").first().click();
      await page.waitForURL(/[?&](status|person|source)=/);
      await expect.poll(() => page.locator("ol.claims > li").count()).toBeGreaterThan(0);
      await page.locator("#search-page-q").fill("khorgos");
      await page.locator("main form[role=search] button").click();
      await page.waitForURL(/q=khorgos/);
      await expect.poll(() => page.locator(`li[data-claim-id="${claimId}"]`).count()).toBe(1);
      expect(await page.locator(".account a").getAttribute("href")).toBe("/sign-in?next=%2Fsearch%3Fq%3Dkhorgos");
      expect(problems, `console errors (JavaScript ${javaScriptEnabled ? "on" : "off"})`).toEqual([]);
      await context.close();
    }
  });
});
