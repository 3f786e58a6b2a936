import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { createUser } from "@/lib/auth/create-user";
import { addClaim } from "@/lib/claims/add-claim";
import { createDb, type Db } from "@/lib/db";
import { addSource } from "@/lib/sources/add-source";
import { forgetSignInAttempts, launchChromium, openNewClaimPanel } from "./browser";

// "Checked before?" in real Chromium against `npm start`: while an editor writes a claim,
// the closest stored claims appear with their verdicts; one click links one; the older
// claim is then offered for a stale review; a reader sees similar claims without controls.
const baseURL = inject("baseURL");
const EMAIL = "dana@verbatim.test";
const PASSWORD = "browser-test-password";
const OLD_TEXT = "The Tengiz field produced 29 million tonnes of crude oil in 2022, the operator said.";
const NEW_TEXT = "Tengiz produced 29 million tonnes of crude in 2022, according to Tengizchevroil.";
const OLD_CLAIM = "The Tengiz field produced 29 million tonnes of oil in 2022.";

let browser: Browser;
let db: Db;
let editor: BrowserContext;
let oldClaimId = "";
let newSourceId = "";
let newClaimId = "";

beforeAll(async () => {
  process.env.DATABASE_URL = inject("databaseUrl");
  db = createDb(inject("databaseUrl"));
  const user = await createUser(db, { email: EMAIL, name: "Dana Desk", role: "editor", password: PASSWORD });
  const actor: Actor = { id: user.id, name: "Dana Desk", email: EMAIL, role: "editor", via: "session" };
  const old = (await addSource(db, { actor, input: { text: OLD_TEXT, title: "Tengiz output", publisher: "Steppe Wire", publishedAt: "2023-02-14" } })).source.id;
  oldClaimId = (await addClaim(db, { actor, input: { sourceId: old, text: OLD_CLAIM, spans: [{ exact: "The Tengiz field produced 29 million tonnes of crude oil in 2022" }], attribution: { kind: "publication" } } })).id;
  newSourceId = (await addSource(db, { actor, input: { text: NEW_TEXT, title: "Tengiz again", publisher: "Caspian Wire", publishedAt: "2025-01-20" } })).source.id;
  browser = await launchChromium();
  const context = await browser.newContext();
  const page = await context.newPage();
  await forgetSignInAttempts(db);
  await page.goto(`${baseURL}/sign-in?next=/queue`);
  await page.fill('input[name="email"]', EMAIL);
  await page.fill('input[name="password"]', PASSWORD);
  await page.click('main button[type="submit"]');
  await page.waitForURL(`${baseURL}/queue`);
  await page.close();
  editor = context;
});
afterAll(async () => {
  await browser?.close();
  await db?.$disconnect();
});

describe("similar claims in the browser", () => {
  it("shows the closest claims while the editor writes one, and links the one chosen with the claim", async () => {
    const page = await editor.newPage();
    await page.goto(`${baseURL}/sources/${newSourceId}`);
    await openNewClaimPanel(page);
    await page.fill('.new-claim textarea[name="quote"]', "Tengiz produced 29 million tonnes of crude in 2022");
    await page.fill('.new-claim textarea[name="claimText"]', "Tengiz produced 29 million tonnes of crude in 2022.");
    const item = page.locator(`.similar-while-writing li[data-claim-id="${oldClaimId}"]`);
    await item.waitFor();
    expect(await item.locator(".badge").textContent()).toBe("Unreviewed");
    expect(await item.locator(".match-reason").textContent()).toMatch(/^Both say 29 million, 2022; shared words: .*“tengiz”/);
    await item.getByRole("button", { name: "Same claim" }).click();
    expect(await item.getByRole("button", { name: "Same claim" }).getAttribute("aria-pressed")).toBe("true");
    await page.selectOption('.new-claim select[name="kind"]', "publication");
    await page.click("text=Create claim");
    await page.waitForURL(/\/claims\/[a-z0-9-]+$/);
    newClaimId = page.url().split("/").pop()!;
    const link = page.locator(`.claim-links li[data-kind="same-claim"]`);
    expect(await link.textContent()).toContain(OLD_CLAIM);
    expect(await link.locator(".link-kind").textContent()).toBe("Same claim as");
    await page.close();
  });

  it("offers the older claim for a stale review with the newer one as evidence", async () => {
    const page = await editor.newPage();
    await page.goto(`${baseURL}/claims/${newClaimId}`);
    const offer = page.locator("form.stale-offer");
    expect(await offer.textContent()).toContain("may be out of date");
    expect(await offer.locator("textarea").inputValue()).toContain("Superseded: a newer claim (2025-01-20) states the same fact as this one");
    await offer.getByRole("button", { name: "Mark the older claim stale" }).click();
    await expect.poll(async () => ((await (await fetch(`${baseURL}/api/claims/${oldClaimId}`)).json()) as { status: string }).status).toBe("stale");
    const old = (await (await fetch(`${baseURL}/api/claims/${oldClaimId}`)).json()) as { reviews: { toStatus: string; evidence: { type: string; claimId?: string }[]; reviewerName: string }[] };
    expect(old.reviews.at(-1)).toMatchObject({ toStatus: "stale", reviewerName: "Dana Desk", evidence: [{ type: "claim", claimId: newClaimId }] });
    await page.reload();
    expect(await page.locator("form.stale-offer").count()).toBe(0);
    await page.close();
  });

  it("shows a reader similar claims with their verdicts and reasons, without link buttons — with or without JavaScript", async () => {
    for (const javaScriptEnabled of [true, false]) {
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      await page.goto(`${baseURL}/claims/rferl-cpc-80-percent-oil-exports`);
      if (!javaScriptEnabled) {
        await page.click("text=Show similar claims");
        await page.waitForURL(`${baseURL}/claims/rferl-cpc-80-percent-oil-exports/similar`);
      }
      const section = page.locator("section.similar-claims");
      await section.locator("li").first().waitFor();
      expect(await section.locator("li .badge").first().textContent()).toMatch(/Supported|Disputed|Stale|Unreviewed/);
      expect(await section.locator(".match-reason").first().textContent()).toMatch(/shared words/i);
      // Linked already (seeded), so listed under "Linked claims" instead.
      expect(await section.locator('li[data-claim-id="caspian-kazakhstan-reliant-on-cpc"]').count()).toBe(0);
      expect(await section.locator("button").count()).toBe(0);
      await context.close();
    }
  });

  it("compares by meaning in the built server: its background thread encodes the claims and a lookup encodes its text", async () => {
    // The encoder runs natively (onnxruntime-node) in the bundled server's worker threads;
    // this fails if the build or a thread cannot load the model.
    const text = "Most of the crude Kazakhstan sells abroad flows through the Caspian Pipeline Consortium";
    const reason = async () => {
      const body = (await (await fetch(`${baseURL}/api/similar?text=${encodeURIComponent(text)}&limit=5`)).json()) as { items: { claim: { id: string }; reason: string }[] };
      return body.items.find((i) => i.claim.id === "caspian-kazakhstan-reliant-on-cpc")?.reason ?? "";
    };
    await expect.poll(reason, { timeout: 45_000, interval: 1_000 }).toMatch(/close in meaning \(sentence similarity 0\.[6-9]\d\)/);
  });
});
