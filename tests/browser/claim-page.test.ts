import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createUser } from "@/lib/auth/create-user";
import { createClaim } from "@/lib/claims/create-claim";
import { createDb, type Db } from "@/lib/db";
import { withTextFragment } from "@/lib/render/text-fragment";
import { recordReviewIn } from "@/lib/reviews/record-review";
import { createSource } from "@/lib/sources/create-source";
import { launchChromium, forgetSignInAttempts } from "./browser";

// The reader's claim page in real Chromium against `npm start`: cross-source links (the
// seeded one, and an editor's), the original page with a text fragment, related claims
// and ClaimReview JSON-LD.
const baseURL = inject("baseURL");
const PASSWORD = "claim-page-test-password";
const RFERL_CPC = "rferl-cpc-80-percent-oil-exports";
const CASPIAN_CPC = "caspian-kazakhstan-reliant-on-cpc";
const SOURCE_URL = "https://news.example/energy/cpc-pumps?ref=verbatim&page=1";
const QUOTE = "the Black Sea terminal’s pumps — run by the CPC — were “fully operational”, a claim re-checked by Reuters & others";
const PESKOV_QUOTE = "the pipeline will keep working, whatever the weather";

let browser: Browser;
let db: Db;
let editor: BrowserContext;
let publicationClaim = ""; // in a source with a URL
let peskovClaim = ""; // same source, Dmitry Peskov (who is also quoted by RFE/RL)

beforeAll(async () => {
  process.env.DATABASE_URL = inject("databaseUrl");
  db = createDb(inject("databaseUrl"));
  await createUser(db, { email: "lina@verbatim.test", name: "Lina Linker", role: "editor", password: PASSWORD });
  const text = [
    `Energy desk ${Date.now()}`,
    `Officials said ${QUOTE}.`,
    `Peskov said ${PESKOV_QUOTE}.`,
  ].join("\n");
  const source = await createSource(db, {
    text,
    title: "CPC pumps back in service",
    publisher: "News Example",
    url: SOURCE_URL,
    publishedAt: "2025-11-20",
    retrievedAt: "2025-11-21T08:00:00.000Z",
    language: "en",
  });
  publicationClaim = (
    await createClaim(db, {
      sourceId: source.id,
      text: "The CPC's Black Sea terminal pumps were reported fully operational.",
      spans: [{ exact: QUOTE }],
      attribution: { kind: "publication" },
    })
  ).id;
  peskovClaim = (
    await createClaim(db, {
      sourceId: source.id,
      text: "Peskov said the CPC pipeline will keep working.",
      spans: [{ exact: PESKOV_QUOTE }],
      attribution: { kind: "direct", personId: "dmitry-peskov", role: "Kremlin spokesman" },
    })
  ).id;
  browser = await launchChromium();
});
afterAll(async () => {
  await editor?.close();
  await browser?.close();
  await db?.$disconnect();
});

async function signIn(email: string): Promise<BrowserContext> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await forgetSignInAttempts(db);
  await page.goto(`${baseURL}/sign-in?next=/`);
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', PASSWORD);
  await page.click('main button[type="submit"]');
  await page.waitForURL(`${baseURL}/claims`);
  await page.close();
  return context;
}

type LinkItem = { kind: string | null; direction: string | null; phrase: string; href: string | null; text: string; badge: string; note: string };
const linkItems = (page: Page): Promise<LinkItem[]> =>
  page.$$eval(".claim-links > li", (lis) =>
    lis.map((li) => ({
      kind: li.getAttribute("data-kind"),
      direction: li.getAttribute("data-direction"),
      phrase: li.querySelector(".link-kind")?.textContent ?? "",
      href: li.querySelector("a.claim-text")?.getAttribute("href") ?? null,
      text: li.querySelector("a.claim-text")?.textContent ?? "",
      badge: li.querySelector(".badge")?.textContent ?? "",
      note: li.querySelector(".link-note")?.textContent ?? "",
    })),
  );
const relatedIds = (page: Page, which: "speaker" | "source") =>
  page.$$eval(`[data-related="${which}"] li[data-claim-id]`, (lis) => lis.map((li) => li.getAttribute("data-claim-id")));

describe("claim page: linked claims", () => {
  it("shows the seeded CPC link on both claims' pages, each way round, with the note and status", async () => {
    const page = await browser.newPage();
    await page.goto(`${baseURL}/claims/${RFERL_CPC}`);
    const [outgoing] = await linkItems(page);
    expect(outgoing).toMatchObject({ kind: "corroborates", direction: "outgoing", phrase: "Corroborates", href: `/claims/${CASPIAN_CPC}`, badge: "Stale" });
    expect(outgoing!.text).toContain("Caspian Pipeline Consortium");
    expect(outgoing!.note).toMatch(/same fact a year apart/i);

    await page.getByRole("link", { name: outgoing!.text, exact: true }).click();
    await page.waitForURL(`${baseURL}/claims/${CASPIAN_CPC}`);
    const [incoming] = await linkItems(page);
    expect(incoming).toMatchObject({ direction: "incoming", phrase: "Corroborated by", href: `/claims/${RFERL_CPC}`, badge: "Supported", note: outgoing!.note });
    // A reader gets no editing controls.
    expect(await page.locator('form[aria-label="Link another claim"]').count()).toBe(0);
    expect(await page.getByRole("button", { name: /Remove link/ }).count()).toBe(0);
    await page.close();
  });
});

describe("claim page: the original page", () => {
  it("links to the source's URL with a text fragment built from the quote", async () => {
    const page = await browser.newPage();
    await page.goto(`${baseURL}/claims/${publicationClaim}`);
    const href = await page.getByRole("link", { name: "Show on the original page" }).getAttribute("href");
    const claim = (await (await fetch(`${baseURL}/api/claims/${publicationClaim}`)).json()) as { spans: { exact: string; prefix: string; suffix: string }[] };
    expect(href).toBe(withTextFragment(SOURCE_URL, claim.spans));
    expect(href!.startsWith(`${SOURCE_URL}#:~:text=`)).toBe(true);
    const directive = href!.slice(href!.indexOf("#:~:text=") + "#:~:text=".length);
    // prefix-,quote,-suffix: the context of the quote's own line, and the quote percent-encoded.
    const [prefix, quote, suffix] = directive.split(",");
    expect(prefix).toBe("Officials%20said-");
    expect(decodeURIComponent(quote!)).toBe(QUOTE);
    expect(quote).toContain("re%2Dchecked"); // "-" is directive syntax: always encoded
    expect(quote).toContain("%26%20others");
    expect(quote).toContain("%E2%80%9Cfully%20operational%E2%80%9D%2C");
    expect(suffix).toBe("-.");
    // The page still shows the source's metadata, its hash and retrieval date.
    const meta = await page.$$eval("dl.meta > div", (rows) => Object.fromEntries(rows.map((r) => [r.querySelector("dt")!.textContent, r.querySelector("dd")!.textContent])));
    expect(meta).toMatchObject({ URL: SOURCE_URL, Retrieved: "2025-11-21", Author: "unknown" });
    expect(meta["SHA-256"]).toMatch(/^[0-9a-f]{64}$/);
    await page.close();
  });

  it("offers no original-page link when the source has no URL", async () => {
    const page = await browser.newPage();
    await page.goto(`${baseURL}/claims/${RFERL_CPC}`);
    expect(await page.getByRole("link", { name: "Show on the original page" }).count()).toBe(0);
    expect(await page.locator('a[href*=":~:text="]').count()).toBe(0);
    await page.close();
  });
});

describe("claim page: related claims", () => {
  it("lists the speaker's claims in other sources, and the neighbours in this source, with status badges", async () => {
    const page = await browser.newPage();
    await page.goto(`${baseURL}/claims/${peskovClaim}`);
    expect(await page.locator("#related-speaker").textContent()).toBe("Dmitry Peskov in other sources");
    const bySpeaker = await relatedIds(page, "speaker");
    const { items } = (await (await fetch(`${baseURL}/api/claims?person=dmitry-peskov&limit=100`)).json()) as { items: { id: string; source: { id: string } }[] };
    const elsewhere = items.filter((c) => c.id !== peskovClaim).map((c) => c.id);
    expect(bySpeaker.length).toBeGreaterThanOrEqual(3);
    expect(bySpeaker.length).toBeLessThanOrEqual(5);
    for (const id of bySpeaker) expect(elsewhere).toContain(id);
    expect(await relatedIds(page, "source")).toEqual([publicationClaim]);
    expect(await page.locator('[data-related="speaker"] li .badge').count()).toBe(bySpeaker.length);
    await page.getByRole("link", { name: "The CPC's Black Sea terminal pumps were reported fully operational.", exact: true }).click();
    await page.waitForURL(`${baseURL}/claims/${publicationClaim}`);
    // A publication's claim has no speaker to follow; its neighbour is Peskov's.
    expect(await page.locator('[data-related="speaker"]').count()).toBe(0);
    expect(await relatedIds(page, "source")).toEqual([peskovClaim]);
    await page.close();
  });

  it("shows at most five neighbours of a seeded claim, none of them itself or a linked claim", async () => {
    const page = await browser.newPage();
    await page.goto(`${baseURL}/claims/${RFERL_CPC}`);
    const nearby = await relatedIds(page, "source");
    expect(nearby.length).toBe(5);
    expect(nearby).not.toContain(RFERL_CPC);
    expect(await page.locator('[data-related="source"] li .badge').count()).toBe(5);
    await page.close();
  });
});

describe("claim page: editors link claims", () => {
  it("links another claim by its pasted URL, shows it on both pages and in both histories, and removes it", async () => {
    editor = await signIn("lina@verbatim.test");
    const page = await editor.newPage();
    await page.goto(`${baseURL}/claims/${publicationClaim}`);
    expect(await page.locator(".claim-links > li").count()).toBe(0);
    const form = page.locator('form[aria-label="Link another claim"]');
    await form.locator('input[name="linkTarget"]').fill(`${baseURL}/claims/${peskovClaim}`);
    await form.locator('select[name="linkKind"]').selectOption("contradicts");
    await form.locator('textarea[name="linkNote"]').fill("Pumps working is not the same as the pipeline.");
    await form.getByRole("button", { name: "Link claims" }).click();
    await expect.poll(async () => (await linkItems(page)).length).toBe(1);
    expect((await linkItems(page))[0]).toMatchObject({ phrase: "Contradicts", href: `/claims/${peskovClaim}`, note: "Pumps working is not the same as the pipeline." });
    expect(await page.textContent("ol.history")).toContain("Lina Linker: linked another claim");
    // The linked claim is shown as a link, not again among the related claims.
    expect(await relatedIds(page, "source")).toEqual([]);

    const other = await editor.newPage();
    await other.goto(`${baseURL}/claims/${peskovClaim}`);
    expect((await linkItems(other))[0]).toMatchObject({ phrase: "Contradicted by", href: `/claims/${publicationClaim}` });
    expect(await other.textContent("ol.history")).toContain("Contradicted by");

    // Linking again, or to itself, is refused with the server's reason.
    await form.locator('input[name="linkTarget"]').fill(publicationClaim);
    await form.getByRole("button", { name: "Link claims" }).click();
    await expect.poll(() => form.locator('[role="alert"]').textContent()).toContain("itself");
    await form.locator('input[name="linkTarget"]').fill(peskovClaim);
    await form.getByRole("button", { name: "Link claims" }).click();
    await expect.poll(() => form.locator('[role="alert"]').textContent()).toContain("already linked");

    // Removing it from the other claim's page.
    await other.getByRole("button", { name: /^Remove link: Contradicted by/ }).click();
    await expect.poll(async () => (await linkItems(other)).length).toBe(0);
    expect(await other.textContent("ol.history")).toContain("removed a link");
    await page.reload();
    expect(await page.locator(".claim-links > li").count()).toBe(0);
    expect(await page.textContent("ol.history")).toContain("removed a link");
    await other.close();
    await page.close();
  });
});

describe("claim page: ClaimReview JSON-LD", () => {
  const jsonLd = (page: Page) => page.locator('script[type="application/ld+json"]');

  it("is absent for an unreviewed claim and for one with only a demo review", async () => {
    const page = await browser.newPage();
    await page.goto(`${baseURL}/claims/${peskovClaim}`);
    expect(await jsonLd(page).count()).toBe(0);
    await page.goto(`${baseURL}/claims/${CASPIAN_CPC}`);
    expect(await page.locator(".demo").first().textContent()).toBe("Demo review");
    expect(await jsonLd(page).count()).toBe(0);
    await page.close();
  });

  it("describes a real review: the claim, the verdict's name, who said it and where it appeared", async () => {
    const claim = await db.claim.findUniqueOrThrow({ where: { id: publicationClaim } });
    await db.$transaction((tx) =>
      recordReviewIn(tx, {
        claimId: claim.id,
        toStatus: "disputed",
        rationale: "The operator reported a partial outage the same day.",
        expectedVersion: claim.version,
        reviewer: { id: null, name: "Lina Linker" },
      }),
    );
    const page = await browser.newPage();
    await page.goto(`${baseURL}/claims/${publicationClaim}`);
    expect(await jsonLd(page).count()).toBe(1);
    const data = JSON.parse((await jsonLd(page).textContent()) ?? "null") as Record<string, unknown>;
    expect(data).toMatchObject({
      "@context": "https://schema.org",
      "@type": "ClaimReview",
      url: `${baseURL}/claims/${publicationClaim}`,
      claimReviewed: claim.text,
      author: { "@type": "Organization", name: "Verbatim" },
      reviewBody: "The operator reported a partial outage the same day.",
      reviewRating: { "@type": "Rating", alternateName: "Disputed" },
      itemReviewed: {
        "@type": "Claim",
        author: { "@type": "Organization", name: "News Example" },
        datePublished: "2025-11-20",
        appearance: { "@type": "CreativeWork", url: SOURCE_URL, headline: "CPC pumps back in service", archivedAt: expect.stringMatching(/\/sources\//) },
      },
    });
    expect(new Date(data.datePublished as string).getTime()).toBeGreaterThan(Date.now() - 5 * 60_000);
    expect(await page.locator(".byline .badge").first().textContent()).toBe("Disputed");
    await page.close();
  });
});
