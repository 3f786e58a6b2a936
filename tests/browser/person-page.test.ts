import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium } from "./browser";

// The person page, read without JavaScript: name, aliases, the roles the sources give
// the person (with the sources), and their claims grouped by source with statuses.
const baseURL = inject("baseURL");
const PERSON = "kassym-jomart-tokayev";
let browser: Browser;
let page: Page;

type SourceRef = { id: string; title: string | null; publisher: string | null };
type Person = {
  name: string;
  aliases: string[];
  roles: string[];
  claims: { id: string; status: string; source: { id: string } }[];
  statedRoles: { role: string; sources: SourceRef[] }[];
  claimsBySource: { source: SourceRef; claimIds: string[] }[];
};
let person: Person;

beforeAll(async () => {
  person = (await (await fetch(`${baseURL}/api/people/${PERSON}`)).json()) as Person;
  browser = await launchChromium();
  page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await page.goto(`${baseURL}/people/${PERSON}`);
});
afterAll(async () => {
  await browser?.close();
});

describe("GET /api/people/{id}", () => {
  it("keeps roles and claims, and adds the stated roles and the grouping", () => {
    // Other browser tests may add claims: check the seeded facts, not exact totals.
    expect(person.roles).toContain("Kazakh President");
    expect(person.claims.length).toBeGreaterThanOrEqual(9);
    expect(person.statedRoles.map((r) => r.role).sort()).toEqual([...person.roles].sort());
    expect(person.statedRoles.find((r) => r.role === "Kazakh President")!.sources).toContainEqual(
      expect.objectContaining({ id: "rferl-toqaev-moscow", publisher: "RFE/RL" }),
    );
    // Every claim in exactly one group, the group of its source.
    const grouped = person.claimsBySource.flatMap((g) => g.claimIds.map((id) => [id, g.source.id]));
    expect(grouped.sort()).toEqual(person.claims.map((c) => [c.id, c.source.id]).sort());
  });
});

describe("person page", () => {
  it("shows the name and the other spellings", async () => {
    expect(await page.textContent("main h1")).toBe("Kassym-Jomart Tokayev");
    const main = (await page.textContent("main"))!;
    for (const alias of ["Qasym-Zhomart Toqaev", "Toqaev", "Tokayev"]) expect(main).toContain(alias);
  });

  it("lists each stated role with the sources that state it, linked", async () => {
    const role = page.locator('ul.roles li[data-role="Kazakh President"]');
    expect(await role.textContent()).toContain("Kazakh President — Untitled article (RFE/RL, date unknown)");
    expect(await role.locator('a[href="/sources/rferl-toqaev-moscow"]').count()).toBe(1);
  });

  it("groups the claims by source, each with its status", async () => {
    const groups = await page.$$eval("section.person-source", (sections) =>
      sections.map((s) => ({
        source: s.getAttribute("data-source-id"),
        heading: s.querySelector("h3")!.textContent,
        claims: [...s.querySelectorAll("li[data-claim-id]")].map((li) => [li.getAttribute("data-claim-id"), li.querySelector(".badge")!.getAttribute("data-status")]),
      })),
    );
    const status = new Map(person.claims.map((c) => [c.id, c.status]));
    expect(groups).toEqual(
      person.claimsBySource.map((g) => ({
        source: g.source.id,
        heading: expect.stringContaining(`(${g.claimIds.length})`),
        claims: g.claimIds.map((id) => [id, status.get(id)]),
      })),
    );
    expect(await page.textContent("#claims-heading")).toBe(`${person.claims.length} claims by ${person.name}, by source`);
  });
});
