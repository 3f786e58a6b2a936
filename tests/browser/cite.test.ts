import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDb } from "@/lib/db";
import { recordReviewIn } from "@/lib/reviews/record-review";
import { launchChromium } from "./browser";

const baseURL = inject("baseURL");
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe("claim page: Cite panel", () => {
  it("shows a plain-text citation and copies any format to the clipboard", async () => {
    const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
    const page = await context.newPage();
    await page.goto(`${baseURL}/claims/rferl-peskov-no-cpc-details`);
    const citation = await page.locator("#cite .citation").textContent();
    expect(citation).toContain("detials");
    expect(citation).toContain("/claims/rferl-peskov-no-cpc-details");
    const formats = await page.$$eval("#cite li[data-format]", (lis) => lis.map((li) => li.getAttribute("data-format")));
    expect(formats).toEqual(expect.arrayContaining(["csl-json", "bibtex", "ris", "apa", "mla", "chicago-author-date", "chicago-notes", "annotation"]));
    expect(formats).not.toContain("claimreview"); // unreviewed

    await page.getByRole("button", { name: "Copy BibTeX citation" }).click();
    await page.getByRole("button", { name: "Copy BibTeX citation" }).getByText("Copied").waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/^@\w+\{rferl-peskov-no-cpc-details,/);
    expect(copied).toContain("detials");
    await context.close();
  });

  it("links each format to its text, which works without JavaScript", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseURL}/claims/rferl-cpc-80-percent-oil-exports`);
    await page.getByRole("link", { name: "APA 7th", exact: true }).click();
    const apa = await page.locator("body").textContent();
    expect(apa).toContain("RFE/RL");
    expect(apa).toContain("n.d.");
    await context.close();
  });
});

describe("claim page: ClaimReview JSON-LD", () => {
  it("is embedded for a claim with a real review, not for demo reviews", async () => {
    const page = await browser.newPage();
    await page.goto(`${baseURL}/claims/rferl-cpc-80-percent-oil-exports`);
    expect(await page.locator('script[type="application/ld+json"]').count()).toBe(0);

    const db = createDb(inject("databaseUrl"));
    try {
      const claim = await db.claim.findUniqueOrThrow({ where: { id: "peskov-cpc-uninterrupted-operations" } });
      await db.$transaction((tx) =>
        recordReviewIn(tx, {
          claimId: claim.id,
          toStatus: "supported",
          rationale: "Corroborated by the Kremlin readout.",
          expectedVersion: claim.version,
          reviewer: { id: null, name: "Test Editor" },
        }),
      );
    } finally {
      await db.$disconnect();
    }
    await page.goto(`${baseURL}/claims/peskov-cpc-uninterrupted-operations`);
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "null");
    expect(jsonLd).toMatchObject({
      "@context": "https://schema.org",
      "@type": "ClaimReview",
      url: `${baseURL}/claims/peskov-cpc-uninterrupted-operations`,
      reviewRating: { alternateName: "Supported" },
      itemReviewed: { "@type": "Claim", author: { name: "Dmitry Peskov" } },
    });
    expect(jsonLd.claimReviewed).toContain("Peskov");
    await page.close();
  });
});
