import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimSummaryDto, claimSummarySelect } from "@/lib/claims/claim-dto";
import type { Db } from "@/lib/db";
import { foldName } from "@/lib/ids";
import { ingest } from "@/lib/ingest/ingest";
import { claimsAbout, namesAlias } from "@/lib/people/claims-about";
import { freshDatabase, type TestDatabase } from "../support/database";

// "Claims about" a person (their page) through the search index: exactly the claims the
// earlier implementation found — a LIKE on each alias over every claim's text, then the
// whole-phrase check — and also those whose spelling differs in non-ASCII case. (The
// earlier one also left out every claim without a person — the publication's own, such
// as "Kazakh President Kassym-Jomart Tokayev hosted Putin's state visit" — because its
// NOT on the attribution's person was NULL there; the reference below is written as it
// was meant.)
let t: TestDatabase;
beforeAll(async () => {
  t = await freshDatabase();
});
afterAll(() => t.cleanup());

/** The implementation before the index: a LIKE per alias (SQLite folds ASCII case only). */
const notTheirs = (personId: string) => ({ OR: [{ attribution: { is: null } }, { attribution: { personId: null } }, { attribution: { personId: { not: personId } } }] });
async function byLike(db: Db, person: { id: string; aliases: string[] }, take = 100) {
  const aliases = person.aliases.filter((a) => foldName(a).length >= 3);
  if (aliases.length === 0) return [];
  const rows = await db.claim.findMany({
    where: { OR: aliases.map((a) => ({ text: { contains: a } })), AND: [notTheirs(person.id)] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: take * 2,
    select: claimSummarySelect,
  });
  return rows.filter((r) => aliases.some((a) => namesAlias(r.text, a))).slice(0, take).map(claimSummaryDto);
}

async function* lines(items: string[]) {
  yield* items;
}
const claim = (text: string, personName?: string) =>
  JSON.stringify({ source: { text }, claims: [{ text, spans: [{ exact: text }], attribution: personName ? { kind: "direct", personName } : { kind: "publication" } }] });

describe("claimsAbout", () => {
  it("finds what the LIKE over every claim found, for every person of the seeds and added claims", async () => {
    await ingest(
      t.db,
      lines([
        claim("Analysts say Toqaev will visit Beijing in spring."),
        claim("A Putinism is not a policy, the column argued."),
        claim("D’Anieri’s book on Ukraine was reviewed twice."),
        claim("Peskov said Toqaev and Putin spoke by phone.", "Dmitry Peskov"),
        claim("Kassym-Jomart Tokayev said the talks went well.", "Kassym-Jomart Tokayev"),
      ]),
      { actor: { id: null, name: "test" } },
    );
    const people = await t.db.person.findMany({ select: { id: true, name: true, aliases: { select: { alias: true } } } });
    let compared = 0;
    for (const p of people) {
      const person = { id: p.id, aliases: [p.name, ...p.aliases.map((a) => a.alias)] };
      const [now, before] = [await claimsAbout(t.db, person), await byLike(t.db, person)];
      // Everything the LIKE found, in the same order; more only where it missed a spelling
      // (non-ASCII case, a curly apostrophe), which the whole-phrase check accepts.
      const found = new Set(now.map((c) => c.id));
      expect(before.filter((c) => !found.has(c.id)), p.name).toEqual([]);
      expect(now.filter((c) => before.some((b) => b.id === c.id)).map((c) => c.id), p.name).toEqual(before.map((c) => c.id));
      for (const extra of now.filter((c) => !before.some((b) => b.id === c.id))) expect(extra.text, p.name).toMatch(/’/);
      compared += before.length;
    }
    expect(compared).toBeGreaterThan(3);
  });

  it("leaves out the person's own claims and partial words, newest first, and folds any case", async () => {
    const tokayev = await t.db.person.findFirstOrThrow({ where: { aliases: { some: { alias: "Toqaev" } } }, select: { id: true, name: true, aliases: { select: { alias: true } } } });
    const person = { id: tokayev.id, aliases: [tokayev.name, ...tokayev.aliases.map((a) => a.alias)] };
    const about = await claimsAbout(t.db, person);
    const texts = about.map((c) => c.text);
    const created = about.map((c) => c.createdAt);
    expect([...created].sort().reverse()).toEqual(created);
    expect(texts).toContain("Peskov said Toqaev and Putin spoke by phone.");
    expect(texts).toContain("Analysts say Toqaev will visit Beijing in spring.");
    expect(texts).toContain("Kazakh President Kassym-Jomart Tokayev hosted Putin's state visit in Astana.");
    expect(texts).not.toContain("Kassym-Jomart Tokayev said the talks went well.");
    const putin = await t.db.person.findFirst({ where: { aliases: { some: { alias: "Putin" } } }, select: { id: true } });
    if (putin) expect((await claimsAbout(t.db, { id: putin.id, aliases: ["Putin"] })).map((c) => c.text)).not.toContain("A Putinism is not a policy, the column argued.");
    await ingest(t.db, lines([claim("ÓLAFSDÓTTIR’s plays were staged in Almaty.")]), { actor: { id: null, name: "test" } });
    expect((await claimsAbout(t.db, { id: "nobody", aliases: ["Ólafsdóttir"] })).map((c) => c.text)).toEqual(["ÓLAFSDÓTTIR’s plays were staged in Almaty."]);
    expect(await byLike(t.db, { id: "nobody", aliases: ["Ólafsdóttir"] })).toEqual([]); // what the LIKE missed
    // The curly apostrophe the LIKE missed too.
    const danieri = await t.db.person.findFirstOrThrow({ where: { aliases: { some: { alias: "D'Anieri" } } }, select: { id: true } });
    expect((await claimsAbout(t.db, { id: danieri.id, aliases: ["D'Anieri"] })).map((c) => c.text)).toContain("D’Anieri’s book on Ukraine was reviewed twice.");
  });
});
