import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "@/lib/migrate/migrate";
import { freshDatabase, type TestDatabase } from "../support/database";

// An index added by a migration to a database that ANALYZE has run on has no statistics,
// and SQLite's planner then takes it for a selective one: `verbatim migrate` analyzes it.
let t: TestDatabase;
beforeAll(async () => {
  t = await freshDatabase();
});
afterAll(() => t.cleanup());

const LIST = `SELECT * FROM "Claim" WHERE "status" = 'disputed' ORDER BY "createdAt" DESC, "id" DESC LIMIT 21`;
const plan = (db: Database.Database) => (db.prepare(`EXPLAIN QUERY PLAN ${LIST}`).all() as { detail: string }[]).map((r) => r.detail).join("; ");

describe("verbatim migrate and SQLite's statistics", () => {
  it("gives statistics to an index that has none in an analyzed database, so a status list reads its index in order", async () => {
    const db = new Database(t.file);
    try {
      db.exec("ANALYZE");
      // The statistics of the 1,000,000-claim bench database (analyzed before the index
      // on "status", "updatedAt" was added), for the seed's few claims.
      db.exec(`DELETE FROM sqlite_stat1 WHERE "tbl" = 'Claim'`);
      db.exec(`DELETE FROM sqlite_stat4 WHERE "tbl" = 'Claim'`); // no samples: stat1's counts decide
      const stat = db.prepare(`INSERT INTO sqlite_stat1 ("tbl", "idx", "stat") VALUES ('Claim', ?, ?)`);
      for (const [idx, value] of [
        ["Claim_sourceId_createdAt_id_idx", "1000000 10 1 1"],
        ["Claim_status_createdAt_id_idx", "1000000 250000 1 1"],
        ["Claim_createdAt_id_idx", "1000000 1 1"],
        ["sqlite_autoindex_Claim_1", "1000000 1"],
      ["Claim_changedSinceVerdict_idx", "1000000 1000000"],
      ["Claim_sourceChanged_idx", "1000000 1000000"],
      ]) stat.run(idx, value);
      db.exec("ANALYZE sqlite_schema"); // the planner reloads the statistics
      expect(plan(db)).toContain("Claim_status_updatedAt_id_idx"); // the trap: then a sort of every disputed claim
    } finally {
      db.close();
    }
    await t.db.$disconnect(); // as a deployment migrates: before the app opens the database
    await migrate(t.url);
    const after = new Database(t.file);
    try {
      expect(after.prepare(`SELECT count(*) FROM sqlite_stat1 WHERE "idx" = 'Claim_status_updatedAt_id_idx'`).pluck().get()).toBe(1);
      // At the bench's scale both indexes on "status" have the same counts, and then the
      // planner reads the one that gives the order (the seed's few claims would not show it).
      after.prepare(`UPDATE sqlite_stat1 SET "stat" = '1000000 250000 1 1' WHERE "idx" = 'Claim_status_updatedAt_id_idx'`).run();
      after.exec(`DELETE FROM sqlite_stat4 WHERE "tbl" = 'Claim'`); // samples of the seed's claims: left out, as above
      after.exec("ANALYZE sqlite_schema");
      expect(plan(after)).toBe("SEARCH Claim USING INDEX Claim_status_createdAt_id_idx (status=?)");
    } finally {
      after.close();
    }
  });

  it("leaves a database that was never analyzed alone", async () => {
    const u = await freshDatabase({ seed: false });
    try {
      await migrate(u.url);
      const db = new Database(u.file, { readonly: true });
      expect(db.prepare(`SELECT count(*) FROM sqlite_master WHERE "name" = 'sqlite_stat1'`).pluck().get()).toBe(0);
      db.close();
    } finally {
      await u.cleanup();
    }
  });
});
