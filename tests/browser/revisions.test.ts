import AxeBuilder from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createUser } from "@/lib/auth/create-user";
import { createClaim } from "@/lib/claims/create-claim";
import { createDb, type Db } from "@/lib/db";
import { createSource } from "@/lib/sources/create-source";
import { forgetSignInAttempts, launchChromium } from "./browser";

// Issue 14 in real Chromium against `npm start`: an editor records a new revision of a
// source, reads the word diff with claim highlights on both sides, and resolves the
// claims flagged "source changed"; a reader without JavaScript sees the same provenance.
const baseURL = inject("baseURL");
const PASSWORD = "revisions-password";
const EMAIL = "rita@verbatim.test";
const OLD = [
  "Kremlin spokesman Dmitry Peskov said the talks in Kostanay were “constructive and long.”",
  "Kazakhstan remains heavily reliant on grain exports through the northern rail corridor, officials said.",
  "Analysts said the meeting had been planned since the spring and would be repeated in Omsk.",
].join("\n");
const NEW = [
  "The talks ended on Tuesday evening after six hours.",
  "Kremlin spokesman Dmitry Peskov said the talks in Kostanay were “constructive and long.”",
  "Kazakhstan remains largely reliant on grain exports through the northern rail corridor, officials said.",
  "Officials gave no further details.",
].join("\n");

let browser: Browser;
let db: Db;
let editor: BrowserContext;
let page: Page;
let sourceId: string;
const claims = { peskov: "", grain: "", analysts: "" };

beforeAll(async () => {
  process.env.DATABASE_URL = inject("databaseUrl");
  db = createDb(inject("databaseUrl"));
  await createUser(db, { email: EMAIL, name: "Rita Revisions", role: "editor", password: PASSWORD });
  sourceId = (await createSource(db, { text: OLD, title: "Grain corridor talks", publisher: "Steppe Daily" })).id;
  const claim = async (text: string, exact: string) => (await createClaim(db, { sourceId, text, spans: [{ exact }], attribution: { kind: "publication" } })).id;
  claims.peskov = await claim("Peskov called the Kostanay talks constructive.", "constructive and long.");
  claims.grain = await claim("Kazakhstan relies on the northern rail corridor for grain.", "heavily reliant on grain exports through the northern rail corridor");
  claims.analysts = await claim("The meeting had been planned since spring.", "the meeting had been planned since the spring");
  browser = await launchChromium();
  editor = await browser.newContext();
  page = await editor.newPage();
  await forgetSignInAttempts(db);
  await page.goto(`${baseURL}/sign-in?next=${encodeURIComponent(`/sources/${sourceId}`)}`);
  await page.fill('input[name="email"]', EMAIL);
  await page.fill('input[name="password"]', PASSWORD);
  await page.click('main button[type="submit"]');
  await page.waitForURL(`${baseURL}/sources/${sourceId}`);
});
afterAll(async () => {
  await editor?.close();
  await browser?.close();
  await db?.$disconnect();
});

describe("a source that changes, in the browser", () => {
  let revisionId = "";

  it("an editor records what the source republishes, and the page says where each detail came from", async () => {
    await page.click("summary:has-text('Edit details')");
    await page.fill('input[name="origPublisher"]', "The Times of Central Asia");
    await page.click("form[aria-label=\"Edit the source's details\"] button[type=submit]");
    await expect.poll(() => page.locator("dl.meta").innerText()).toMatch(/REPUBLISHES\s*The Times of Central Asia — original title, date, URL unknown · set by an editor/i);
    expect(await page.locator("#source-history-heading + ol").innerText()).toMatch(/Rita Revisions: edited the details \(version 2\)\s*Republishes: unknown → publisher: The Times of Central Asia/);
    expect(await page.locator(".archive-note").innerText()).toMatch(/No archived copy: this text was pasted/);
  });

  it("an editor pastes a new revision: one claim moves to it, two are flagged", async () => {
    await page.click("summary:has-text('Record a new revision')");
    await page.fill('form[aria-label="Paste the new revision\'s text"] textarea[name="text"]', NEW);
    await page.click('form[aria-label="Paste the new revision\'s text"] button[type="submit"]');
    await page.waitForURL(/carried=1&flagged=2$/);
    revisionId = new URL(page.url()).pathname.split("/").pop()!;
    expect(await page.locator("p[role=status]").first().innerText()).toMatch(/1 claim moved to it with unchanged quotes; 2 claims stayed on the previous revision/);
    expect(await page.locator(".revisions li").allInnerTexts()).toEqual([expect.stringMatching(/^Revision 1 —/), expect.stringMatching(/^Revision 2 \(this one\) —.*changes from revision 1$/)]);
    expect(await page.locator("#source-text mark:not(.hl-suggested)").count()).toBe(1);
  });

  it("shows a word diff between the revisions with the claims highlighted on both sides", async () => {
    await page.click("text=changes from revision 1");
    await page.waitForURL(new RegExp(`/sources/${revisionId}/diff\\?from=${sourceId}$`));
    const left = page.locator("section[aria-label='Revision 1'] .diff-side");
    const right = page.locator("section[aria-label='Revision 2'] .diff-side");
    // Struck and added words, each <del>/<ins> cut where a claim's highlight begins or ends.
    expect((await left.locator("del").allInnerTexts()).join("|")).toBe("heavily|Analysts said |the meeting had been planned since the spring| and would be repeated in Omsk");
    expect((await right.locator("ins").allInnerTexts()).join("|")).toBe("The talks ended on Tuesday evening after six hours.|largely|Officials gave no further details");
    expect(await left.locator("mark[data-claim-ids]").evaluateAll((ms) => [...new Set(ms.map((m) => m.getAttribute("data-claim-ids")))])).toEqual([claims.peskov, claims.grain, claims.analysts]);
    expect(await right.locator("mark[data-claim-ids]").evaluateAll((ms) => [...new Set(ms.map((m) => m.getAttribute("data-claim-ids")))])).toEqual([claims.peskov]);
  });

  it("a flagged claim shows old and new wording side by side; the editor confirms it and it moves", async () => {
    await page.goto(`${baseURL}/claims/${claims.grain}`);
    const panel = page.locator("section.source-change");
    expect(await panel.locator(".quote-old").innerText()).toBe("“heavily reliant on grain exports through the northern rail corridor”");
    expect(await panel.locator(".quote-new").innerText()).toMatch(/^“largely reliant on grain exports through the northern rail corridor” \(match \d+%\)$/);
    await panel.locator("button:has-text('Confirm: quote the new wording')").click();
    await expect.poll(() => page.locator("section.source-change").count()).toBe(0);
    expect(await page.locator("blockquote.context mark").innerText()).toBe("largely reliant on grain exports through the northern rail corridor");
    expect(await page.locator("ol.history").innerText()).toMatch(/moved the claim to a newer revision of its source/);
  });

  it("a claim whose quote vanished is marked stale, with the new revision as evidence", async () => {
    await page.goto(`${baseURL}/claims/${claims.analysts}`);
    const panel = page.locator("section.source-change");
    expect(await panel.innerText()).toMatch(/Not found in the new revision/);
    expect(await panel.locator("button:has-text('Confirm')").count()).toBe(0);
    await panel.locator("summary:has-text('Mark the claim stale')").click();
    await panel.locator('textarea[name="rationale"]').fill("The revised article no longer mentions the planning.");
    await panel.locator("button:has-text('Mark stale')").click();
    await expect.poll(() => page.locator(".byline [data-status]").first().getAttribute("data-status")).toBe("stale");
    expect(await page.locator("p.panel[role=note]").innerText()).toMatch(/This claim quotes revision 1 of its source; revision 2 is newer/);
    expect(await page.locator("ul.evidence").first().innerText()).toMatch(/Source revision: Grain corridor talks — revision/);
  });

  it("a reader without JavaScript sees the flag, the old and new wording and the diff, and no editing controls", async () => {
    const other = await db.claim.findFirstOrThrow({ where: { id: claims.peskov } });
    expect(other.sourceId).toBe(revisionId);
    // One more revision, so a flag is open for the reader to see.
    await page.goto(`${baseURL}/sources/${revisionId}`);
    await page.click("summary:has-text('Record a new revision')");
    await page.fill('form[aria-label="Paste the new revision\'s text"] textarea[name="text"]', NEW.replace("“constructive and long.”", "“constructive.”"));
    await page.click('form[aria-label="Paste the new revision\'s text"] button[type="submit"]');
    await page.waitForURL(/flagged=/);
    const reader = await browser.newContext({ javaScriptEnabled: false });
    const r = await reader.newPage();
    await r.goto(`${baseURL}/claims/${claims.peskov}`);
    expect(await r.locator("section.source-change").innerText()).toMatch(/Source changed[\s\S]*constructive and long\.[\s\S]*/);
    expect(await r.locator("section.source-change form").count()).toBe(0);
    await r.click("text=see every change");
    expect(await r.locator("section[aria-label='Revision 2'] del").allInnerTexts()).toEqual([expect.stringMatching(/and long/)]);
    await r.goto(`${baseURL}/sources/${sourceId}`);
    expect(await r.locator("summary:has-text('Edit details')").count()).toBe(0);
    expect(await r.locator(".revisions").innerText()).toMatch(/A newer revision of this source exists: revision 3/);
    await reader.close();
  });

  it("fits 375 px with no serious axe violation: the diff, the flagged claim and the source page with its editing panels", async () => {
    // Signed in (the editing panels) and as a reader, both with axe (it needs JavaScript).
    for (const state of [await editor.storageState(), undefined]) {
      const context = await browser.newContext({ viewport: { width: 375, height: 800 }, storageState: state });
      const narrow = await context.newPage();
      for (const p of [`/claims/${claims.peskov}`, `/sources/${revisionId}/diff`, `/sources/${revisionId}`]) {
        await narrow.goto(`${baseURL}${p}`);
        expect(await narrow.evaluate(() => document.documentElement.scrollWidth), p).toBeLessThanOrEqual(375);
        await expectNoSeriousViolations(narrow);
      }
      await context.close();
    }
  });
});

async function expectNoSeriousViolations(p: Page): Promise<void> {
  const result = await new AxeBuilder({ page: p }).analyze();
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), `axe on ${p.url()}`).toEqual([]);
}
