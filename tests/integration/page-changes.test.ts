import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { TAG_SEPARATOR } from "@/lib/cache/page-deps.mjs";
import { PAGE_CHANGE_TRIGGERS } from "@/lib/cache/page-change-triggers";
import { addAlias } from "@/lib/people/add-alias";
import { mergePeople } from "@/lib/people/merge-people";
import { reviewClaim } from "@/lib/reviews/review-claim";
import { verifyDatabase } from "@/lib/verify/verify-database";
import { createTestActor } from "../support/actors";
import { freshDatabase, type TestDatabase } from "../support/database";

// The PageChange triggers (migration page_changes): what each write records for the
// reader cache, read back from the table inside the same database.
let t: TestDatabase;
let actor: Actor;
beforeAll(async () => {
  t = await freshDatabase();
  const a = await createTestActor(t.db, "editor", "Tag Tester");
  actor = { id: a.id, name: "Tag Tester", email: a.email, role: "editor", via: "token" };
});
afterAll(() => t.cleanup());

/** Tags of the rows a write adds. */
async function tagsOf(write: () => Promise<unknown>): Promise<Set<string>> {
  const before = (await t.db.pageChange.aggregate({ _max: { seq: true } }))._max.seq ?? 0;
  await write();
  const rows = await t.db.pageChange.findMany({ where: { seq: { gt: before } } });
  return new Set(rows.flatMap((r) => r.tags.split(TAG_SEPARATOR)).filter((x) => x && !x.endsWith(":")));
}

describe("PageChange triggers", () => {
  it("all exist, and verify names one that is missing", async () => {
    const rows = await t.db.$queryRawUnsafe<{ name: string }[]>(`SELECT "name" FROM sqlite_master WHERE "type" = 'trigger' AND "name" LIKE 'PageChange\\_%' ESCAPE '\\'`);
    expect(rows.map((r) => r.name).sort()).toEqual([...PAGE_CHANGE_TRIGGERS].sort());
    expect((await verifyDatabase(t.db)).violations).toEqual([]);
  });

  it("a verdict names the claim and the lists, not the source (whose page links the claim anyway)", async () => {
    const claim = await t.db.claim.findUniqueOrThrow({ where: { id: "rferl-cpc-80-percent-oil-exports" } });
    const tags = await tagsOf(() =>
      reviewClaim(t.db, { actor, claimId: claim.id, input: { status: "disputed", expectedVersion: claim.version, rationale: "Tag test." } }),
    );
    expect(tags).toEqual(new Set([`claim:${claim.id}`, "list"]));
  });

  it("an alias names its person by id and slug; a merge names both people and every moved claim", async () => {
    const peskov = await t.db.person.findFirstOrThrow({ where: { name: { contains: "Peskov" } } });
    const aliasTags = await tagsOf(() => addAlias(t.db, { personId: peskov.id, alias: "D. Peskov" }));
    expect(aliasTags).toEqual(new Set([`person:${peskov.id}`, `person:${peskov.slug}`, "list"]));

    const twin = await t.db.person.create({ data: { id: "peskov-twin", name: "Dmitri Peskov", slug: "dmitri-peskov-twin" } });
    const moved = await t.db.attribution.findFirstOrThrow({ where: { personId: peskov.id } });
    await t.db.attribution.update({ where: { id: moved.id }, data: { personId: twin.id } });
    const mergeTags = await tagsOf(() => mergePeople(t.db, { actor, survivorId: peskov.id, mergedId: twin.id }));
    for (const tag of [`person:${twin.id}`, `person:${twin.slug}`, `person:${peskov.id}`, `person:${peskov.slug}`, `claim:${moved.claimId}`, "list"]) {
      expect(mergeTags.has(tag), tag).toBe(true);
    }
  });

  it("a user's new name (shown in histories) names every page", async () => {
    const user = await t.db.user.findFirstOrThrow();
    expect(await tagsOf(() => t.db.user.update({ where: { id: user.id }, data: { name: `${user.name} Jr.` } }))).toEqual(new Set(["all"]));
    expect(await tagsOf(() => t.db.user.update({ where: { id: user.id }, data: { role: user.role } }))).toEqual(new Set());
  });
});
