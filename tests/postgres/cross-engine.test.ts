// Moving between engines: `verbatim export` from SQLite, `verbatim import` into PostgreSQL,
// and back, reproduce the data exactly (dump → import → dump is byte for byte the same).
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { exportDump } from "@/lib/backup/export-dump";
import { importDump } from "@/lib/backup/import-dump";
import { createClaim } from "@/lib/claims/create-claim";
import type { Db } from "@/lib/db";
import { createPerson } from "@/lib/people/create-person";
import { reviewClaim } from "@/lib/reviews/review-claim";
import { createSource } from "@/lib/sources/create-source";
import { verifyDatabase } from "@/lib/verify/verify-database";
import { createTestActor } from "../support/actors";
import { freshDatabase, freshPgDatabase, type TestDatabase, useAsAppDatabase } from "../support/database";

let sqlite: TestDatabase;
let pg: TestDatabase;
let back: TestDatabase;

async function dump(db: Db): Promise<string> {
  const out: string[] = [];
  await exportDump(db, (line) => void out.push(`${line}\n`));
  return out.join("");
}
const lines = (text: string) => text.split("\n").filter((l) => l.length > 0);

beforeAll(async () => {
  [sqlite, pg, back] = await Promise.all([
    freshDatabase(),
    freshPgDatabase(inject("pgServerUrl"), inject("pgTemplate"), { seed: false }),
    freshDatabase({ seed: false }),
  ]);
  useAsAppDatabase(sqlite);
  const actor = await createTestActor(sqlite.db, "editor", "Ada Cross-Engine");
  const text = "Line one.\r\nWe 👍🏽 agree\u00a0— 🇰🇿 café\u0301 stays; D’Anieri said “detials”.";
  const source = await createSource(sqlite.db, { text, title: "Edge — NBSP, emoji, combining marks", publishedAt: "2024-12", retrievedAt: "2024-12-03T10:15:30.123Z", language: "en" });
  const person = await createPerson(sqlite.db, { name: "Zoë Ångström", aliases: ["Zoe Angstrom"] });
  const claim = await createClaim(sqlite.db, {
    sourceId: source.id,
    text: "The minister agrees.",
    asOf: "2024-12-03",
    spans: [{ exact: "We 👍🏽 agree\u00a0— 🇰🇿 café\u0301 stays" }],
    attribution: { kind: "direct", personId: person.id, role: "minister" },
  });
  await reviewClaim(sqlite.db, {
    actor: { id: actor.id, name: "Ada Cross-Engine", email: actor.email, role: "editor", via: "token" },
    claimId: claim.id,
    input: { status: "disputed", rationale: "Only one side — see “notes”.", expectedVersion: 1 },
  });
});
afterAll(async () => {
  await Promise.all([sqlite.cleanup(), pg.cleanup(), back.cleanup()]);
});

describe("a backup moves between SQLite and PostgreSQL", () => {
  it("SQLite → PostgreSQL → SQLite: every dump is the same bytes, and each database verifies", async () => {
    const fromSqlite = await dump(sqlite.db);
    expect(lines(fromSqlite).length).toBeGreaterThan(60);

    await importDump(pg.db, lines(fromSqlite));
    const fromPg = await dump(pg.db);
    expect(fromPg).toBe(fromSqlite);
    expect((await verifyDatabase(pg.db)).violations).toEqual([]);

    await importDump(back.db, lines(fromPg));
    expect(await dump(back.db)).toBe(fromSqlite);
    expect((await verifyDatabase(back.db)).violations).toEqual([]);
  });
});
