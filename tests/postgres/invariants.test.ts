// The verbatim invariant and the history rules, enforced by PostgreSQL's own triggers
// (prisma/postgres/migrations/*_invariants): tested through raw SQL, bypassing the app,
// with emoji, combining marks and NBSP, like the SQLite ones (tests/integration/write-invariants).
import fc from "fast-check";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createClaim } from "@/lib/claims/create-claim";
import { createSource } from "@/lib/sources/create-source";
import { sha256Hex } from "@/lib/sources/hash";
import { verifyDatabase } from "@/lib/verify/verify-database";
import { freshPgDatabase, type TestDatabase } from "../support/database";

let t: TestDatabase;
let sql: pg.Client;
beforeAll(async () => {
  t = await freshPgDatabase(inject("pgServerUrl"), inject("pgTemplate"));
  sql = new pg.Client({ connectionString: t.url });
  await sql.connect();
});
afterAll(async () => {
  await sql.end();
  await t.cleanup();
});

const CASPIAN = "caspian-post-putin-kazakhstan";
const spanSql = `INSERT INTO "Span" ("id", "claimId", "sourceId", "start", "end", "exact", "prefix", "suffix") VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`;
let seq = 0;
const spanRow = (claimId: string, sourceId: string, cps: string[], start: number, end: number, exact = cps.slice(start, end).join("")) => [
  `pg-span-${++seq}`, claimId, sourceId, start, end, exact,
  cps.slice(Math.max(0, start - 32), start).join(""), cps.slice(end, end + 32).join(""),
];

describe("PostgreSQL refuses data that breaks the invariants", () => {
  it("refuses a span whose text differs from its source by one character, and a shifted span", async () => {
    const { rows } = await sql.query(`SELECT * FROM "Span" WHERE "exact" LIKE '%detials%'`);
    const span = rows[0] as Record<string, unknown>;
    await expect(
      sql.query(spanSql, ["bad1", span.claimId, span.sourceId, span.start, span.end, String(span.exact).replace("detials", "details"), span.prefix, span.suffix]),
    ).rejects.toThrow(/VERBATIM_SPAN_MISMATCH/);
    await expect(sql.query(`UPDATE "Span" SET "start" = "start" + 1 WHERE "id" = $1`, [span.id])).rejects.toThrow(/VERBATIM_SPAN_MISMATCH/);
    await expect(sql.query(`UPDATE "Span" SET "end" = "start" - 1 WHERE "id" = $1`, [span.id])).rejects.toThrow(/VERBATIM_SPAN_MISMATCH/);
  });

  it("refuses to change a source's text or revision link, and to rewrite any history", async () => {
    await expect(sql.query(`UPDATE "Source" SET "text" = "text" || ' ' WHERE "id" = $1`, [CASPIAN])).rejects.toThrow(/VERBATIM_SOURCE_IMMUTABLE/);
    await expect(sql.query(`UPDATE "Source" SET "revisionOf" = 'x' WHERE "id" = $1`, [CASPIAN])).rejects.toThrow(/VERBATIM_SOURCE_IMMUTABLE/);
    await expect(sql.query(`UPDATE "Review" SET "rationale" = 'rewritten'`)).rejects.toThrow(/VERBATIM_REVIEW_APPEND_ONLY/);
    await expect(sql.query(`DELETE FROM "Review"`)).rejects.toThrow(/VERBATIM_REVIEW_APPEND_ONLY/);
    await expect(sql.query(`UPDATE "Claim" SET "status" = 'true'`)).rejects.toThrow(/VERBATIM_CLAIM_STATUS/);
    await expect(sql.query(`UPDATE "Attribution" SET "personId" = NULL WHERE "kind" = 'direct'`)).rejects.toThrow(/VERBATIM_ATTRIBUTION_KIND/);
    const user = `INSERT INTO "User" ("id", "name", "email", "emailVerified", "role", "createdAt", "updatedAt") VALUES ($1, 'U', $2, false, $3, now(), now())`;
    await expect(sql.query(user, ["u0", "u0@example.org", "owner"])).rejects.toThrow(/VERBATIM_USER_ROLE/);
    await sql.query(user, ["u1", "u1@example.org", "reader"]);
    await expect(sql.query(`UPDATE "User" SET "role" = 'owner' WHERE "id" = 'u1'`)).rejects.toThrow(/VERBATIM_USER_ROLE/);
  });

  it("refuses a source whose stored length is not its code-point count", async () => {
    await expect(
      sql.query(`INSERT INTO "Source" ("id", "text", "sha256", "length") VALUES ('s-bad', 'a😀b', 'x', 4)`),
    ).rejects.toThrow(/VERBATIM_SOURCE_LENGTH/);
    const ok = [sha256Hex("a😀b"), 3];
    await expect(sql.query(`INSERT INTO "Source" ("id", "text", "sha256", "length") VALUES ('s-ok', 'a😀b', $1, $2)`, ok)).resolves.toBeDefined();
  });

  it("accepts exactly the spans that are the source's code points (property: emoji, combining marks, NBSP)", async () => {
    const alphabet = fc.constantFrom("a", "e", "\u0301", "😀", "👍🏽", "\u00a0", "’", "ß", " ", "—", "\u200d");
    await fc.assert(
      fc.asyncProperty(fc.array(alphabet, { minLength: 2, maxLength: 120 }), fc.nat(), fc.nat(), async (cps, a, b) => {
        const text = `${cps.join("")} #${++seq}`;
        const all = Array.from(text);
        const start = a % (all.length - 1);
        const end = start + 1 + (b % (all.length - start - 1));
        const source = await createSource(t.db, { text });
        const { id: claimId } = await createClaim(t.db, { sourceId: source.id, text: "p", spans: [{ start: all.length - 1, end: all.length }], attribution: { kind: "publication" } });
        await sql.query(spanSql, spanRow(claimId, source.id, all, start, end));
        // One code point changed, or UTF-16 offsets where they differ from code points: refused.
        const changed = all.slice(start, end).map((c, i) => (i === 0 ? (c === "x" ? "y" : "x") : c)).join("");
        await expect(sql.query(spanSql, spanRow(claimId, source.id, all, start, end, changed))).rejects.toThrow(/VERBATIM_SPAN_MISMATCH/);
        const u16 = text.slice(start, end);
        if (u16 !== all.slice(start, end).join("")) {
          await expect(sql.query(spanSql, spanRow(claimId, source.id, all, start, end, u16))).rejects.toThrow(/VERBATIM_SPAN_MISMATCH/);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("the app reports a trigger's refusal as 422 with the trigger's message", async () => {
    const { rows } = await sql.query(`SELECT "id", "version" FROM "Claim" LIMIT 1`);
    const err = await t.db.claim.update({ where: { id: rows[0].id }, data: { status: "bogus" } }).catch((e: unknown) => e);
    const { fromDatabaseError } = await import("@/lib/errors");
    const app = fromDatabaseError(err);
    expect(app?.status).toBe(422);
    expect(app?.message).toMatch(/^VERBATIM_CLAIM_STATUS/);
  });

  it("verify checks the triggers and the data on PostgreSQL", async () => {
    expect((await verifyDatabase(t.db)).violations).toEqual([]);
    await sql.query(`DROP TRIGGER "Span_verbatim_update" ON "Span"`);
    const { rows } = await sql.query(`SELECT "id" FROM "Span" WHERE "exact" LIKE '%detials%'`);
    await sql.query(`UPDATE "Span" SET "exact" = replace("exact", 'detials', 'details') WHERE "id" = $1`, [rows[0].id]);
    const named = (await verifyDatabase(t.db)).violations.map((v) => `${v.entity} ${v.id}`);
    expect(named).toContain(`span ${rows[0].id}`);
    expect(named).toContain("database Span_verbatim_update");
  });
});
