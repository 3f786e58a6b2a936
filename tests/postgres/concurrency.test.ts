// Optimistic concurrency under real parallel connections to one PostgreSQL, and two
// app servers (two clients with pools of their own) seeing each other's writes at once.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { createDb, type Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { reviewClaim } from "@/lib/reviews/review-claim";
import { freshPgDatabase, type TestDatabase } from "../support/database";

let t: TestDatabase;
let other: Db;
const editor: Actor = { id: "", name: "Parallel Editor", email: "p@example.org", role: "editor", via: "token" };

beforeAll(async () => {
  process.env.VERBATIM_PG_POOL = "24";
  t = await freshPgDatabase(inject("pgServerUrl"), inject("pgTemplate"));
  other = createDb(t.url);
});
afterAll(async () => {
  delete process.env.VERBATIM_PG_POOL;
  await other.$disconnect();
  await t.cleanup();
});

const outcome = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: unknown) => (e instanceof AppError ? e.status : `thrown: ${String(e)}`),
  );

describe("optimistic concurrency on PostgreSQL", () => {
  it("20 parallel reviews of the same version: exactly one succeeds, 19 get 409", async () => {
    const claim = await t.db.claim.findFirstOrThrow({ where: { status: "unreviewed" }, select: { id: true, version: true } });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        outcome(
          reviewClaim(i % 2 ? t.db : other, {
            actor: editor,
            claimId: claim.id,
            input: { status: "supported", rationale: `review ${i}`, expectedVersion: claim.version },
          }),
        ),
      ),
    );
    expect(results.filter((r) => r === "ok")).toHaveLength(1);
    expect(results.filter((r) => r === 409)).toHaveLength(19);
    const after = await t.db.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { version: true, _count: { select: { reviews: true } } } });
    expect(after.version).toBe(claim.version + 1);
    expect(after._count.reviews).toBe(1);
  });

  it("two app servers on one database see each other's writes at once and keep optimistic concurrency", async () => {
    const claim = await t.db.claim.findFirstOrThrow({ where: { status: "unreviewed" }, select: { id: true, version: true } });
    await reviewClaim(other, { actor: editor, claimId: claim.id, input: { status: "disputed", rationale: "from server B", expectedVersion: claim.version } });
    const seen = await t.db.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { status: true, version: true } });
    expect(seen).toEqual({ status: "disputed", version: claim.version + 1 });
    // Server A still holds the old version: its review is refused, not applied over B's.
    expect(await outcome(reviewClaim(t.db, { actor: editor, claimId: claim.id, input: { status: "supported", expectedVersion: claim.version } }))).toBe(409);
    expect(await outcome(reviewClaim(t.db, { actor: editor, claimId: claim.id, input: { status: "supported", expectedVersion: seen.version } }))).toBe("ok");
    expect((await other.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { status: true } })).status).toBe("supported");
  });
});
