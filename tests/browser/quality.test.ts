import { existsSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createUser } from "@/lib/auth/create-user";
import { createDb, type Db } from "@/lib/db";
import { launchChromium, forgetSignInAttempts, openNewClaimPanel } from "./browser";

// The issue's quality bar for every page, in real Chromium against `npm start`: no
// serious or critical axe-core violation, readable without JavaScript, usable 375 px
// wide. Editors' pages are checked signed in (one sign-in: it is rate-limited).
const baseURL = inject("baseURL");
const PASSWORD = "quality-test-password";
const CLAIM = "toqaev-agreed-energy-partnership";
const SOURCE = "rferl-toqaev-moscow";
const PERSON = "kassym-jomart-tokayev";
// The search page is another engineer's work in progress: checked once it exists.
const hasSearch = existsSync(path.resolve(import.meta.dirname, "..", "..", "app", "search", "page.tsx"));

type Target = { path: string; status?: number; h1: string | RegExp; text: () => string };

// Next.js 16 answers a page's notFound() with an empty HTML shell and renders the 404
// page from the RSC payload with JavaScript (vercel/next.js#62228); an unknown URL does
// render on the server. Fixing it needs a proxy.ts existence check — see the summary.
type Axe = Awaited<ReturnType<AxeBuilder["analyze"]>>;

let browser: Browser;
let db: Db;
let desktop: Page;
let noScript: Page;
let narrow: Page;
let editor: BrowserContext;
const texts: Record<string, string> = {};

const api = async <T>(p: string): Promise<T> => (await fetch(`${baseURL}${p}`)).json() as Promise<T>;

const PUBLIC: Target[] = [
  { path: "/", h1: "Claims", text: () => texts.newest! },
  { path: "/?status=disputed", h1: "Claims", text: () => texts.disputed! },
  { path: `/claims/${CLAIM}`, h1: /./, text: () => texts.claim! },
  { path: "/sources", h1: "Sources", text: () => "RFE/RL" },
  { path: `/sources/${SOURCE}`, h1: /RFE\/RL/, text: () => texts.rferl! },
  { path: "/sources/caspian-post-putin-kazakhstan", h1: /Putin/, text: () => texts.caspian! },
  { path: "/people", h1: "People", text: () => "Kassym-Jomart Tokayev" },
  { path: `/people/${PERSON}`, h1: "Kassym-Jomart Tokayev", text: () => "Kazakh President" },
  ...(hasSearch ? [{ path: "/search?q=Tokayev", h1: "Search", text: () => texts.claim! }] : []),
  { path: "/sign-in", h1: "Sign in", text: () => "Password" },
  { path: "/no-such-page", status: 404, h1: "Not found", text: () => "Back to the claims" },
  // Unknown ids: proxy.ts answers them with the real 404 page (Next's notFound() alone would be blank without JavaScript).
  { path: "/claims/no-such-claim", status: 404, h1: "Not found", text: () => "Back to the claims" },
  { path: "/sources/no-such-source", status: 404, h1: "Not found", text: () => "Back to the claims" },
  { path: "/people/no-such-person", status: 404, h1: "Not found", text: () => "Back to the claims" },
];

/** One line per failing node, so a failure says what to fix and where. */
function describeViolations(violations: Axe["violations"]): string {
  return violations
    .map((v) => `${v.id} [${v.impact}] ${v.help} (${v.helpUrl})\n${v.nodes.map((n) => `    ${n.target.join(" ")} — ${n.failureSummary?.replace(/\n\s*/g, " ")}`).join("\n")}`)
    .join("\n");
}

async function expectNoSeriousViolations(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => v.id), `axe on ${page.url()}:\n${describeViolations(bad)}`).toEqual([]);
}

async function open(page: Page, target: Target): Promise<void> {
  const res = await page.goto(`${baseURL}${target.path}`);
  expect(res?.status(), target.path).toBe(target.status ?? 200);
}

beforeAll(async () => {
  process.env.DATABASE_URL = inject("databaseUrl");
  db = createDb(inject("databaseUrl"));
  await createUser(db, { email: "quality@verbatim.test", name: "Quality Editor", role: "editor", password: PASSWORD });
  const claim = await api<{ text: string }>(`/api/claims/${CLAIM}`);
  texts.claim = claim.text;
  texts.newest = (await api<{ items: { text: string }[] }>("/api/claims?limit=1")).items[0]!.text;
  texts.disputed = (await api<{ items: { text: string }[] }>("/api/claims?status=disputed&limit=1")).items[0]!.text;
  // A line of each source's text, which must be readable on its page.
  for (const [key, id] of [["rferl", SOURCE], ["caspian", "caspian-post-putin-kazakhstan"]] as const) {
    const source = await api<{ text: string }>(`/api/sources/${id}`);
    texts[key] = source.text.split(/\r?\n/).find((l) => l.trim().length > 40)!.trim().slice(0, 40);
  }
  browser = await launchChromium();
  desktop = await (await browser.newContext()).newPage();
  noScript = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  narrow = await (await browser.newContext({ viewport: { width: 375, height: 800 } })).newPage();
});
afterAll(async () => {
  await browser?.close();
  await db?.$disconnect();
});

describe.each(PUBLIC)("$path", (target) => {
  it("has no serious or critical axe violation", async () => {
    await open(desktop, target);
    await expectNoSeriousViolations(desktop);
  });

  it("renders its content without JavaScript", async () => {
    await open(noScript, target);
    expect(await noScript.locator("main h1").textContent()).toMatch(target.h1);
    expect(await noScript.locator("main").textContent()).toContain(target.text());
  });

  it("fits 375 px without horizontal scrolling, with its text visible", async () => {
    await open(narrow, target);
    const scrollWidth = await narrow.evaluate(() => document.documentElement.scrollWidth);
    const wide = await narrow.evaluate(() =>
      [...document.querySelectorAll("body *")]
        .filter((e) => e.getBoundingClientRect().right > 376)
        .slice(0, 5)
        .map((e) => `${e.tagName.toLowerCase()}.${e.className}`),
    );
    expect(scrollWidth, `wider than 375 px: ${wide.join(", ")}`).toBeLessThanOrEqual(375);
    await expect.poll(() => narrow.locator("main h1").isVisible()).toBe(true);
    const text = narrow.locator("main").getByText(target.text(), { exact: false }).first();
    expect(await text.isVisible(), `"${target.text()}" visible`).toBe(true);
    const box = (await text.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + Math.min(box.width, 375)).toBeLessThanOrEqual(375);
  });
});

if (!hasSearch) it.skip("/search?q=Tokayev: not checked, app/search/page.tsx does not exist yet", () => {});

describe("signed in as an editor", () => {
  beforeAll(async () => {
    editor = await browser.newContext();
    const page = await editor.newPage();
    await forgetSignInAttempts(db);
    await page.goto(`${baseURL}/sign-in?next=/queue`);
    await page.fill('input[name="email"]', "quality@verbatim.test");
    await page.fill('input[name="password"]', PASSWORD);
    await page.click('main button[type="submit"]');
    await page.waitForURL(`${baseURL}/queue`);
    await page.close();
  });

  // Each page with the control that proves the editing UI is there (and was checked).
  it.each([
    ["/queue", ".queue-list li"],
    ["/sources/new", "form.source-form"],
    [`/claims/${CLAIM}`, 'section[aria-label="Editing"] form'],
    [`/sources/${SOURCE}`, '.new-claim[data-ready="true"]'],
    [`/people/${PERSON}`, "form.person-edit"],
  ])("%s has no serious or critical axe violation", async (p, control) => {
    const page = await editor.newPage();
    await page.goto(`${baseURL}${p}`);
    if (control.startsWith(".new-claim")) await openNewClaimPanel(page);
    else await page.waitForSelector(control);
    await expectNoSeriousViolations(page);
    await page.close();
  });

  it("the editors' pages fit 375 px", async () => {
    const page = await editor.newPage();
    await page.setViewportSize({ width: 375, height: 800 });
    for (const p of ["/queue", "/sources/new", `/claims/${CLAIM}`, `/sources/${SOURCE}`, `/people/${PERSON}`]) {
      await page.goto(`${baseURL}${p}`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), p).toBeLessThanOrEqual(375);
    }
    await page.close();
  });
});
