import { expect } from "vitest";
import { dbEngine } from "@/lib/db";
import type { TestDatabase } from "./database";

/** The index holds exactly one row per claim, equal to what the triggers' view computes now (on either engine). */
export async function expectIndexInSync(t: TestDatabase) {
  const pg = dbEngine(t.db) === "postgres";
  const cols = `"claimId", "status", "personId", "sourceId", ${pg ? "" : `"keys", `}"text", "quotes", "people", "source"`;
  const [row] = await t.db.$queryRawUnsafe<{ indexed: bigint; claims: bigint; stale: bigint; missing: bigint }[]>(`
    SELECT (SELECT count(*) FROM "ClaimSearch") AS indexed, (SELECT count(*) FROM "Claim") AS claims,
      (SELECT count(*) FROM (SELECT ${cols} FROM "ClaimSearch" EXCEPT SELECT ${cols} FROM "ClaimSearchDoc") x) AS stale,
      (SELECT count(*) FROM (SELECT ${cols} FROM "ClaimSearchDoc" EXCEPT SELECT ${cols} FROM "ClaimSearch") y) AS missing`);
  expect({ indexed: Number(row!.indexed), stale: Number(row!.stale), missing: Number(row!.missing) }).toEqual({
    indexed: Number(row!.claims),
    stale: 0,
    missing: 0,
  });
}
