import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createUser } from "@/lib/auth/create-user";
import { createApiToken } from "@/lib/auth/tokens";
import { createDb, type Db } from "@/lib/db";
import { launchChromium } from "./browser";

// Source text is data, never markup: HTML and <script> in a source, a claim and a
// person's name must show as the literal characters on every page and never run.
const baseURL = inject("baseURL");
const HOSTILE = `Intro <script>window.__pwned = 1; alert("script")</script> and <img src=x onerror="window.__pwned = 2; alert('img')"> and <b>bold</b> & "quotes".`;
let browser: Browser;
let db: Db;
let token = "";

beforeAll(async () => {
  process.env.DATABASE_URL = inject("databaseUrl");
  db = createDb(inject("databaseUrl"));
  const user = await createUser(db, { email: "xss@verbatim.test", name: "X <i>S</i> S", role: "editor", password: "browser-test-password" });
  token = (await createApiToken(db, { userId: user.id, name: "xss" })).token;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await db?.$disconnect();
});

const post = async (path: string, body: unknown) => {
  const res = await fetch(`${baseURL}${path}`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
  expect(res.status, await res.clone().text()).toBeLessThan(300);
  return (await res.json()) as Record<string, unknown>;
};

describe("hostile text is inert", () => {
  it("shows HTML and <script> in sources, claims and names as text on every page", async () => {
    const { source } = (await post("/api/sources", { text: HOSTILE, title: `<script>alert("title")</script> Title` })) as { source: { id: string } };
    const claim = await post("/api/claims", {
      sourceId: source.id,
      text: `Claim with <script>alert("claim")</script>`,
      spans: [{ exact: `<script>window.__pwned = 1; alert("script")</script>` }],
      attribution: { kind: "direct", personName: `<img src=x onerror=alert("person")>`, role: "<b>role</b>" },
    });
    const person = (claim.attribution as { person: { slug: string } }).person;
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on("dialog", async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    for (const path of [`/sources/${source.id}`, `/claims/${claim.id}`, "/", "/sources", `/people/${person.slug}`, "/people"]) {
      await page.goto(`${baseURL}${path}`);
      const text = await page.textContent("main");
      expect(text, path).toMatch(/<script>|<img src=x/);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), path).toBeUndefined();
      expect(await page.locator("main script:not([type='application/ld+json'])").count(), path).toBe(0);
      expect(await page.locator("main img").count(), path).toBe(0);
    }
    await page.goto(`${baseURL}/sources/${source.id}`);
    expect(await page.textContent("#source-text")).toContain(HOSTILE);
    expect(dialogs).toEqual([]);
    await page.close();
  });
});
