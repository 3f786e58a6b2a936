import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium } from "./browser";

// Jumping between a source's highlights: links that work without JavaScript (the server
// renders the neighbours of ?at=), and with it the keys n / p, which move focus in place.
const baseURL = inject("baseURL");
const SOURCE = "rferl-toqaev-moscow";
let browser: Browser;

type Source = { claims: { id: string; spans: { id: string }[] }[] };

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Span ids in the order their anchors appear in the text. */
const anchorOrder = (page: Page) => page.$$eval("#source-text .anchor", (as) => as.map((a) => a.id.slice("span-".length)));
const position = (page: Page) => page.textContent('[data-testid="hl-position"]');
const currentSpans = (page: Page) => page.$$eval("mark.hl-current", (ms) => ms.map((m) => m.getAttribute("data-span-ids")!.split(" ")));

describe("without JavaScript", () => {
  it("links every span from the claims list, and steps through the highlights in reading order", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseURL}/sources/${SOURCE}`);
    const source = (await (await fetch(`${baseURL}/api/sources/${SOURCE}`)).json()) as Source;
    const spans = source.claims.flatMap((c) => c.spans.map((s) => s.id));
    for (const id of spans) expect(await page.locator(`.claim-side a[href="#span-${id}"]`).count(), id).toBe(1);

    const order = await anchorOrder(page);
    expect([...order].sort()).toEqual([...spans].sort());
    expect(await position(page)).toBe(`${order.length} highlights`);
    expect(await page.locator("nav.hl-nav").count()).toBe(1);

    const next = page.locator('nav.hl-nav a[data-step="next"]');
    const prev = page.locator('nav.hl-nav a[data-step="prev"]');
    await next.click();
    await page.waitForURL(`${baseURL}/sources/${SOURCE}?at=${order[0]}#span-${order[0]}`);
    expect(await position(page)).toBe(`Highlight 1 of ${order.length}`);
    expect((await currentSpans(page)).every((ids) => ids.includes(order[0]!))).toBe(true);
    await next.click();
    await page.waitForURL(new RegExp(`at=${order[1]}#span-${order[1]}$`));
    expect(await position(page)).toBe(`Highlight 2 of ${order.length}`);
    await prev.click();
    await prev.click();
    await page.waitForURL(new RegExp(`at=${order.at(-1)}#span-${order.at(-1)}$`));
    expect(await position(page)).toBe(`Highlight ${order.length} of ${order.length}`);
    await context.close();
  });
});

describe("with JavaScript", () => {
  it("moves focus to the next / previous highlight with n and p, without reloading", async () => {
    // Reduced motion: the jump scrolls instantly, so a click is not aimed at a page still
    // scrolling smoothly (in CI that landed a click on a highlight's link instead of "Next").
    const page = await browser.newPage({ reducedMotion: "reduce" });
    await page.goto(`${baseURL}/sources/${SOURCE}`);
    await page.waitForSelector("nav.hl-nav .hl-keys"); // hydrated
    await page.evaluate(() => Object.assign(window, { stayed: true }));
    const order = await anchorOrder(page);
    const focusedSpans = () => page.evaluate(() => document.activeElement?.closest("mark")?.getAttribute("data-span-ids")?.split(" ") ?? []);

    await page.keyboard.press("n");
    expect(await focusedSpans()).toContain(order[0]);
    expect(await position(page)).toBe(`Highlight 1 of ${order.length}`);
    expect((await currentSpans(page)).every((ids) => ids.includes(order[0]!))).toBe(true);
    await page.keyboard.press("n");
    expect(await focusedSpans()).toContain(order[1]);
    expect(page.url()).toContain(`?at=${order[1]}#span-${order[1]}`);
    await page.keyboard.press("p");
    await page.keyboard.press("p");
    expect(await focusedSpans()).toContain(order.at(-1));
    expect(await position(page)).toBe(`Highlight ${order.length} of ${order.length}`);

    await page.click('nav.hl-nav a[data-step="next"]');
    expect(await focusedSpans()).toContain(order[0]);

    // Typing n in a text field is typing, not jumping.
    await page.fill("#site-search", "");
    await page.focus("#site-search");
    await page.keyboard.press("n");
    expect(await position(page)).toBe(`Highlight 1 of ${order.length}`);
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
    await page.close();
  });

  it("follows a #span- link from the claims list", async () => {
    const page = await browser.newPage();
    await page.goto(`${baseURL}/sources/${SOURCE}`);
    await page.waitForSelector("nav.hl-nav .hl-keys");
    const order = await anchorOrder(page);
    await page.click(`.claim-side a[href="#span-${order[2]}"]`);
    await expect.poll(() => position(page)).toBe(`Highlight 3 of ${order.length}`);
    await page.keyboard.press("n");
    expect(await position(page)).toBe(`Highlight 4 of ${order.length}`);
    await page.close();
  });
});
