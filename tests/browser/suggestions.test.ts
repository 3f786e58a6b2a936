import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createUser } from "@/lib/auth/create-user";
import { createDb, type Db } from "@/lib/db";
import { forgetSignInAttempts, launchChromium } from "./browser";

// Issue 13 in real Chromium against `npm start`: an editor adds an article, its suggested
// claims appear at once (listed and marked in the text), and each is accepted, edited
// or rejected; a reader never sees them.
const baseURL = inject("baseURL");
const PASSWORD = "suggestions-password";
const EMAIL = "sasha@verbatim.test";
const TITLE = "Grain line talks resume";
const TEXT = [
  "Kremlin spokesman Dmitry Peskov spoke after the talks in Kostanay on Tuesday.",
  "“The grain corridor will stay open through the winter,” Peskov said.",
  "“Nobody has asked us to close the border crossings,” he added.",
  "The terminal handled 2.4 million tonnes of wheat in 2025.",
  "“Prices will fall by spring,” traders said.",
].join("\n");

let browser: Browser;
let db: Db;
let editor: BrowserContext;
let page: Page;

beforeAll(async () => {
  process.env.DATABASE_URL = inject("databaseUrl");
  db = createDb(inject("databaseUrl"));
  await createUser(db, { email: EMAIL, name: "Sasha Suggests", role: "editor", password: PASSWORD });
  browser = await launchChromium();
  editor = await browser.newContext();
  page = await editor.newPage();
  await forgetSignInAttempts(db);
  await page.goto(`${baseURL}/sign-in?next=${encodeURIComponent("/sources/new")}`);
  await page.fill('input[name="email"]', EMAIL);
  await page.fill('input[name="password"]', PASSWORD);
  await page.click('main button[type="submit"]');
  await page.waitForURL(`${baseURL}/sources/new`);
});
afterAll(async () => {
  await editor?.close();
  await browser?.close();
  await db?.$disconnect();
});

const item = (text: string) => page.locator("#suggestions li.suggestion:not(.made)", { hasText: text });

describe("suggested claims on the source page", () => {
  it("appear as soon as a source is added: listed in reading order and marked in the text", async () => {
    await page.fill('textarea[name="text"]', TEXT);
    await page.fill('input[name="title"]', TITLE);
    await page.click('main button[type="submit"]');
    await page.waitForURL(/\/sources\/[a-z0-9-]+$/);
    await expect.poll(() => page.locator("#suggestions summary").first().innerText()).toMatch(/^Suggested claims \(5 new\)/);
    const kinds = await page.locator("#suggestions li.suggestion").evaluateAll((els) => els.map((e) => e.getAttribute("data-kind")));
    expect(kinds).toEqual(["publication", "direct", "direct", "publication", "direct"]);
    expect(await page.locator("#source-text mark.hl-suggested").count()).toBe(5);
    expect(await item("grain corridor").innerText()).toMatch(/Dmitry Peskov, Kremlin spokesman.*a stored person/s);
    expect(await item("border crossings").innerText()).toMatch(/Dmitry Peskov/);
  });

  it("accepts a suggestion in one action: the claim exists with its span, person and role", async () => {
    await item("grain corridor").getByRole("button", { name: "Accept" }).click();
    await expect.poll(() => page.locator("#suggestions [role=status]").first().innerText()).toMatch(/Claim created/);
    const claim = await db.claim.findFirst({ where: { text: { contains: "grain corridor will stay open" } }, include: { spans: true, attribution: true } });
    expect(claim?.spans.map((s) => s.exact)).toEqual(["The grain corridor will stay open through the winter"]);
    expect(claim?.attribution).toMatchObject({ kind: "direct", personId: "dmitry-peskov", role: "Kremlin spokesman" });
    expect(await item("grain corridor").count()).toBe(0);
    expect(await page.locator("#suggestions li.made", { hasText: "grain corridor" }).count()).toBe(1);
  });

  it("rejects a suggestion, remembers it, and can undo it", async () => {
    await item("2.4 million tonnes").getByRole("button", { name: "Reject" }).click();
    await expect.poll(() => page.locator("#suggestions [role=status]").first().innerText()).toMatch(/rejected; it will not be proposed again/);
    expect(await item("2.4 million tonnes").count()).toBe(0);
    await page.locator("#suggestions [role=status]").getByRole("button", { name: "Undo" }).click();
    await expect.poll(() => item("2.4 million tonnes").count()).toBe(1);
    await item("2.4 million tonnes").getByRole("button", { name: "Reject" }).click();
    await expect.poll(() => page.locator("#suggestions [role=status]").count()).toBe(1);
    await page.goto(page.url().replace(/[?#].*$/, ""));
    expect(await item("2.4 million tonnes").count()).toBe(0);
    expect(await page.locator("#suggestions").innerText()).toMatch(/1 rejected suggestion is hidden/);
  });

  it("edits a suggestion first: a group speaker needs a person chosen", async () => {
    const traders = item("Prices will fall");
    expect(await traders.innerText()).toMatch(/The text says “traders”: choose who before accepting/);
    expect(await traders.getByRole("button", { name: "Accept", exact: true }).count()).toBe(0);
    await traders.locator("summary", { hasText: "Choose who said it" }).click();
    await traders.locator('input[name="personName"]').fill("Aliya Traderova");
    await traders.locator('textarea[name="claimText"]').fill("Grain traders expect prices to fall by spring.");
    await traders.getByRole("button", { name: "Accept as edited" }).click();
    await expect.poll(() => page.locator("#suggestions [role=status]").first().innerText()).toMatch(/Claim created/);
    const claim = await db.claim.findFirst({ where: { text: "Grain traders expect prices to fall by spring." }, include: { attribution: { include: { person: true } } } });
    expect(claim?.attribution?.person?.name).toBe("Aliya Traderova");
  });

  it("work without JavaScript: accepting is a plain form post", async () => {
    const noScript = await browser.newContext({ javaScriptEnabled: false, storageState: await editor.storageState() });
    const p = await noScript.newPage();
    await p.goto(page.url().replace(/[?#].*$/, ""));
    const crossings = p.locator("#suggestions li.suggestion:not(.made)", { hasText: "border crossings" });
    await crossings.getByRole("button", { name: "Accept" }).click();
    await p.waitForURL(/\?accepted=[a-z0-9]+#suggestions$/);
    expect(await p.locator("#suggestions [role=status]").first().innerText()).toMatch(/Claim created/);
    const claim = await db.claim.findFirst({ where: { spans: { some: { exact: "Nobody has asked us to close the border crossings" } } }, include: { attribution: true } });
    expect(claim?.attribution).toMatchObject({ kind: "direct", personId: "dmitry-peskov" });
    await noScript.close();
  });

  it("are never shown to a reader", async () => {
    const reader = await browser.newContext();
    const anon = await reader.newPage();
    await anon.goto(page.url().replace(/[?#].*$/, ""));
    expect(await anon.locator("#suggestions").count()).toBe(0);
    expect(await anon.locator("mark.hl-suggested").count()).toBe(0);
    await reader.close();
  });
});
