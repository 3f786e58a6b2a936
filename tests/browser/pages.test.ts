import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium } from "./browser";

const baseURL = inject("baseURL");
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
});

type Span = { id: string; start: number; end: number; exact: string };
type Claim = { id: string; text: string; status: string; spans: Span[]; attribution: { kind: string; person: { name: string } | null } };

const api = async <T>(path: string): Promise<T> => (await fetch(`${baseURL}${path}`)).json() as Promise<T>;

/** The highlighted text of one span on the page: its marked pieces, in order. */
const markedText = (p: Page, spanId: string) =>
  p.$$eval(`mark[data-span-ids~="${spanId}"]`, (marks) => marks.map((m) => m.textContent).join(""));

describe("claims list", () => {
  it("lists claims with their status and speaker, and filters by status and speaker", async () => {
    await page.goto(baseURL);
    expect(await page.locator("ul.claims > li").count()).toBeGreaterThan(10);

    await page.selectOption('select[name="status"]', "disputed");
    await page.click('main button[type="submit"]');
    await page.waitForURL(/status=disputed/);
    const badges = await page.$$eval("ul.claims .badge", (els) => els.map((e) => e.textContent));
    expect(badges.length).toBeGreaterThan(0);
    expect(new Set(badges)).toEqual(new Set(["Disputed"]));

    await page.goto(`${baseURL}/?person=dmitry-peskov`);
    const speakers = await page.$$eval("ul.claims .attribution a", (els) => els.map((e) => e.textContent));
    expect(speakers.length).toBeGreaterThan(0);
    expect(new Set(speakers)).toEqual(new Set(["Dmitry Peskov"]));
  });

  it("explains a bad filter instead of failing", async () => {
    await page.goto(`${baseURL}/?status=maybe`);
    expect(await page.locator("main [role=alert]").textContent()).toMatch(/status/);
  });
});

describe("claim page", () => {
  it("highlights exactly the quote inside its paragraph, with status and attribution", async () => {
    const claim = await api<Claim>("/api/claims/rferl-peskov-no-cpc-details");
    await page.goto(`${baseURL}/claims/${claim.id}`);
    expect(await page.locator("h1").textContent()).toBe(claim.text);
    expect(await page.locator(".byline .badge").first().textContent()).toBe("Unreviewed");
    expect(await markedText(page, claim.spans[0]!.id)).toBe(claim.spans[0]!.exact);
    const paragraph = await page.locator("blockquote.context p").first().textContent();
    expect(paragraph).toBe("Peskov did not elaborate on the detials of the talks surrounding the CPC.");
  });

  it("shows both spans of an interrupted quotation, the speaker's link and role", async () => {
    const { items } = await api<{ items: Claim[] }>("/api/claims?person=andrew-danieri&limit=100");
    const twoSpans = items.find((c) => c.spans.length === 2)!;
    expect(twoSpans).toBeDefined();
    await page.goto(`${baseURL}/claims/${twoSpans.id}`);
    for (const span of twoSpans.spans) expect(await markedText(page, span.id)).toBe(span.exact);
    const attribution = page.locator("p.byline .attribution");
    expect(await attribution.locator("a").textContent()).toBe("Andrew D'Anieri");
    expect(await attribution.textContent()).toContain("associate director of the Atlantic Council's Eurasia Center");
  });

  it("shows a labelled demo verdict and history, and links to the span in its source", async () => {
    // The seeded stale claim (other browser test files may add stale claims of their own).
    const { items } = await api<{ items: Claim[] }>("/api/claims?status=stale&limit=100");
    const details = await Promise.all(items.map((c) => api<Claim & { reviews: { isDemo: boolean }[]; edits: unknown[] }>(`/api/claims/${c.id}`)));
    const claim = details.find((c) => c.reviews.length === 1 && c.reviews[0]!.isDemo && c.edits.length === 0)!;
    expect(claim).toBeDefined();
    await page.goto(`${baseURL}/claims/${claim.id}`);
    expect(await page.locator("ol.history > li").count()).toBe(1);
    expect(await page.locator("ol.history").textContent()).toContain("Demo review");
    await page.getByRole("link", { name: "Show in source" }).click();
    await page.waitForURL(new RegExp(`/sources/.+#span-${claim.spans[0]!.id}$`));
    expect(await page.locator(`#span-${claim.spans[0]!.id}`).count()).toBe(1);
    expect(await markedText(page, claim.spans[0]!.id)).toBe(claim.spans[0]!.exact);
  });

  it("answers /status with a page that says the app runs (operators, and the bench's framework floor)", async () => {
    const res = await page.goto(`${baseURL}/status`);
    expect(res?.status()).toBe(200);
    expect(await page.locator("main").textContent()).toContain("Verbatim is running.");
  });

  it("answers an unknown claim with the 404 page, its similar-claims page too", async () => {
    for (const path of ["/claims/no-such-claim", "/claims/no-such-claim/similar"]) {
      const res = await page.goto(`${baseURL}${path}`);
      expect(res?.status(), path).toBe(404);
      expect(await page.locator("h1").textContent()).toBe("Not found");
    }
  });
});

describe("source page", () => {
  it("shows the full text and highlights every span exactly, each linked to its claim", async () => {
    for (const id of ["rferl-toqaev-moscow", "caspian-post-putin-kazakhstan"]) {
      const source = await api<{ text: string; claims: Claim[] }>(`/api/sources/${id}`);
      await page.goto(`${baseURL}/sources/${id}`);
      const paragraphs = await page.$$eval(".source-text p", (ps) => ps.map((p) => p.textContent));
      expect(paragraphs).toEqual(source.text.split(/\r\n|\r|\n/).filter((l) => l.length > 0));
      for (const claim of source.claims) {
        for (const span of claim.spans) {
          expect(await markedText(page, span.id), `span ${span.id} of ${claim.id}`).toBe(span.exact);
        }
        const href = await page.$eval(`mark[data-claim-ids~="${claim.id}"] a`, (a) => a.getAttribute("href"));
        expect(href).toBe(`/claims/${claim.id}`);
      }
      expect(await page.locator(".claim-side li").count()).toBe(source.claims.length);
    }
  });

  it("keeps the NBSP, curly apostrophes and em-dash of the text on the page", async () => {
    await page.goto(`${baseURL}/sources/caspian-post-putin-kazakhstan`);
    const text = await page.locator(".source-text").textContent();
    expect(text).toContain("sovereignty.\u00a0 Its response —");
    expect(text).toContain("Kazakhstan’s");
  });

  it("says unknown for metadata the text does not support", async () => {
    await page.goto(`${baseURL}/sources/rferl-toqaev-moscow`);
    expect(await page.locator("h1").textContent()).toBe("Untitled article (RFE/RL, date unknown)");
    const meta = await page.$$eval("dl.meta > div", (rows) => Object.fromEntries(rows.map((r) => [r.querySelector("dt")!.textContent, r.querySelector("dd")!.textContent])));
    expect(meta).toMatchObject({ Title: "unknown", Author: "unknown", Published: "unknown", URL: "unknown", Publisher: "RFE/RL" });
  });
});

describe("without JavaScript", () => {
  it("renders all three pages readable", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const p = await context.newPage();
    await p.goto(baseURL);
    expect(await p.locator("ul.claims > li").count()).toBeGreaterThan(10);
    await p.goto(`${baseURL}/claims/rferl-peskov-no-cpc-details`);
    expect(await p.locator("mark").textContent()).toContain("detials");
    await p.goto(`${baseURL}/sources/caspian-post-putin-kazakhstan`);
    expect(await p.locator("mark").count()).toBeGreaterThan(10);
    await context.close();
  });
});
