import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createUser } from "@/lib/auth/create-user";
import { createDb, type Db } from "@/lib/db";
import { launchChromium, forgetSignInAttempts, openNewClaimPanel } from "./browser";

// The editors' workflow in real Chromium against `npm start`: sign in, create a claim
// from a selection, dispute it, meet a conflict, and check a reader sees no controls.
const baseURL = inject("baseURL");
const SOURCE = "rferl-toqaev-moscow";
const PASSWORD = "browser-test-password";
let browser: Browser;
let db: Db;
let editorA: BrowserContext;
let editorB: BrowserContext;
let claimId = "";

beforeAll(async () => {
  process.env.DATABASE_URL = inject("databaseUrl");
  db = createDb(inject("databaseUrl"));
  await createUser(db, { email: "alice@verbatim.test", name: "Alice Editor", role: "editor", password: PASSWORD });
  await createUser(db, { email: "bob@verbatim.test", name: "Bob Editor", role: "editor", password: PASSWORD });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await db?.$disconnect();
});

async function signIn(email: string): Promise<BrowserContext> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await forgetSignInAttempts(db);
  await page.goto(`${baseURL}/sign-in?next=/queue`);
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', PASSWORD);
  await page.click('main button[type="submit"]');
  await page.waitForURL(`${baseURL}/queue`);
  await page.close();
  return context;
}

/** Selects the first occurrence of `text` inside the rendered source, as a user's drag would. */
async function selectInSource(page: Page, text: string): Promise<void> {
  await page.evaluate((needle) => {
    const root = document.getElementById("source-text")!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(needle);
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + needle.length);
      const selection = document.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return;
    }
    throw new Error(`"${needle}" is not in the source text`);
  }, text);
}

describe("editing in the browser", () => {
  it("signs in and shows the editor's name and the queue", async () => {
    editorA = await signIn("alice@verbatim.test");
    const page = await editorA.newPage();
    await page.goto(`${baseURL}/queue`);
    expect(await page.textContent("header.site")).toContain("Alice Editor");
    expect(await page.locator(".queue-list li").count()).toBeGreaterThan(0);
    await page.close();
  });

  it("creates a claim from a selection, keeping the exact characters (typo included)", async () => {
    const page = await editorA.newPage();
    await page.goto(`${baseURL}/sources/${SOURCE}`);
    await openNewClaimPanel(page);
    await selectInSource(page, "detials");
    await expect.poll(() => page.textContent('[data-testid="selection"]')).toContain("detials");
    await page.click("text=Add selection as span");
    await page.fill('textarea[name="claimText"]', "Peskov said the details of the visit were being worked out.");
    await page.selectOption('.new-claim select[name="kind"]', "indirect");
    await page.fill('.new-claim input[name="personName"]', "Peskov");
    await page.fill('.new-claim input[name="role"]', "Kremlin spokesman");
    await page.click("text=Create claim");
    await page.waitForURL(/\/claims\/[a-z0-9-]+$/);
    claimId = page.url().split("/").pop()!;

    const claim = (await (await fetch(`${baseURL}/api/claims/${claimId}`)).json()) as {
      spans: { start: number; end: number; exact: string }[];
      attribution: { kind: string; role: string; person: { id: string } };
      edits: { actorName: string }[];
    };
    expect(claim.spans).toHaveLength(1);
    expect(claim.spans[0]!.exact).toBe("detials");
    const source = (await (await fetch(`${baseURL}/api/sources/${SOURCE}`)).json()) as { text: string };
    expect([...source.text].slice(claim.spans[0]!.start, claim.spans[0]!.end).join("")).toBe("detials");
    expect(claim.attribution).toMatchObject({ kind: "indirect", role: "Kremlin spokesman", person: { id: "dmitry-peskov" } });
    expect(claim.edits[0]!.actorName).toBe("Alice Editor");
    expect(await page.$$eval("blockquote.context mark", (m) => m.map((x) => x.textContent).join(""))).toBe("detials");
    await page.close();
  });

  it("marks the claim disputed with a rationale and shows it in the history", async () => {
    const page = await editorA.newPage();
    await page.goto(`${baseURL}/claims/${claimId}`);
    await page.check('input[name="status"][value="disputed"]');
    await page.fill('textarea[name="rationale"]', "The Kremlin gave no date; the visit was not confirmed.");
    await page.click("text=Save verdict");
    await expect.poll(() => page.textContent("ol.history")).toContain("The Kremlin gave no date");
    expect(await page.textContent(".byline .badge")).toBe("Disputed");
    expect(await page.textContent("ol.history")).toContain("Alice Editor");
    await page.close();
  });

  it("shows a second editor what changed instead of overwriting it", async () => {
    editorB = await signIn("bob@verbatim.test");
    const bob = await editorB.newPage();
    await bob.goto(`${baseURL}/claims/${claimId}`);
    // Alice changes the claim after Bob opened it.
    const alice = await editorA.newPage();
    await alice.goto(`${baseURL}/claims/${claimId}`);
    await alice.check('input[name="status"][value="supported"]');
    await alice.fill('textarea[name="rationale"]', "Confirmed by the Kremlin's readout.");
    await alice.click("text=Save verdict");
    await expect.poll(() => alice.textContent("ol.history")).toContain("Confirmed by the Kremlin");

    await bob.check('input[name="status"][value="stale"]');
    await bob.fill('textarea[name="rationale"]', "Superseded by the December visit.");
    await bob.click("text=Save verdict");
    const conflict = bob.locator('[data-testid="conflict"]');
    await conflict.waitFor();
    const text = await conflict.textContent();
    expect(text).toContain("Alice Editor");
    expect(text).toContain("supported");
    expect(text).toContain("Nothing was saved");
    // Bob's words are kept; after loading the current version he can save deliberately.
    expect(await bob.inputValue('textarea[name="rationale"]')).toBe("Superseded by the December visit.");
    const claim = (await (await fetch(`${baseURL}/api/claims/${claimId}`)).json()) as { status: string; reviews: { toStatus: string }[] };
    expect(claim.status).toBe("supported");
    await bob.click("text=Load the current version");
    await expect.poll(() => bob.textContent("legend")).toContain(`version ${claim.reviews.length + 1}`);
    await bob.click("text=Save verdict");
    await expect.poll(() => bob.textContent("ol.history")).toContain("Superseded by the December visit.");
    await bob.close();
    await alice.close();
  });

  it("gives a reader no editing controls, and the API refuses them", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${baseURL}/claims/${claimId}`);
    expect(await page.locator('form[aria-label="Review this claim"]').count()).toBe(0);
    expect(await page.locator("text=Edit claim").count()).toBe(0);
    expect(await page.textContent("header.site")).toContain("Sign in");
    await page.goto(`${baseURL}/sources/${SOURCE}`);
    expect(await page.locator(".new-claim").count()).toBe(0);
    const status = await page.evaluate(async (id) => {
      const res = await fetch(`/api/claims/${id}/reviews`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ status: "supported", expectedVersion: 1 }),
      });
      return res.status;
    }, claimId);
    expect(status).toBe(401);
    await context.close();
  });

  it("reviews from the queue with the keyboard", async () => {
    const page = await editorA.newPage();
    await page.goto(`${baseURL}/queue?status=unreviewed`);
    await page.waitForSelector('.queue[data-keys="ready"]'); // the shortcuts listen once hydrated
    const first = await page.textContent(".queue-current h2");
    await page.keyboard.press("j");
    await expect.poll(() => page.textContent(".queue-current h2")).not.toBe(first);
    await page.keyboard.press("k");
    await expect.poll(() => page.textContent(".queue-current h2")).toBe(first);
    const href = await page.getAttribute(".queue-current h2 a", "href");
    await page.keyboard.press("d");
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("rationale");
    expect(await page.isChecked('#queue-review input[value="disputed"]')).toBe(true);
    await page.keyboard.type("Keyboard review: contradicted by the other source.");
    await page.keyboard.press("Control+Enter");
    const id = href!.split("/").pop()!;
    await expect.poll(async () => ((await (await fetch(`${baseURL}/api/claims/${id}`)).json()) as { status: string }).status).toBe("disputed");
    await page.close();
  });
});
