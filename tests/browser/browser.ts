// Real Chromium (Debian's /usr/bin/chromium) driven by playwright-core.
import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install it with \`apt-get install -y chromium\` (npm test does this when it can).`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

/**
 * Sign-in is rate-limited per address (5 a minute, lib/auth/auth.ts), and every browser
 * test signs in from 127.0.0.1 against one server: each suite forgets earlier attempts
 * before signing in through the page, so the suites do not throttle one another.
 */
export async function forgetSignInAttempts(db: { rateLimit: { deleteMany: () => Promise<unknown> } }): Promise<void> {
  await db.rateLimit.deleteMany();
}

/**
 * The "New claim" panel of a source page, hydrated and open: it starts folded when the
 * source has suggested claims to go through (selecting text in the source opens it too).
 */
export async function openNewClaimPanel(page: import("playwright-core").Page): Promise<void> {
  await page.waitForSelector('form.new-claim[data-ready="true"]', { state: "attached" });
  if (!(await page.locator("details.new-claim-sheet").evaluate((d) => (d as HTMLDetailsElement).open))) {
    await page.click("details.new-claim-sheet > summary");
  }
  await page.waitForSelector('form.new-claim[data-ready="true"]');
}
