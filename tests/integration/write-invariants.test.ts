import { spawnSync } from "node:child_process";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClaim } from "@/lib/claims/create-claim";
import { AppError } from "@/lib/errors";
import { createSource } from "@/lib/sources/create-source";
import { verifyDatabase } from "@/lib/verify/verify-database";
import { freshDatabase, type TestDatabase } from "../support/database";

let t: TestDatabase;
beforeAll(async () => {
  t = await freshDatabase();
});
afterAll(() => t.cleanup());

const CASPIAN = "caspian-post-putin-kazakhstan";
const publication = { kind: "publication" as const };

async function expectAppError(p: Promise<unknown>, code: string, pattern?: RegExp) {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  if (pattern) expect((err as AppError).message).toMatch(pattern);
  return err as AppError;
}

describe("creating claims enforces the verbatim invariant", () => {
  it("locates a quote and stores exact, prefix and suffix at code-point offsets", async () => {
    const { id } = await createClaim(t.db, {
      sourceId: CASPIAN,
      text: "Test: Kazakhstan refused to recognize the Donetsk and Luhansk People’s Republics.",
      spans: [{ exact: "refused to recognize the Donetsk and Luhansk People’s Republics" }],
      attribution: publication,
    });
    const span = await t.db.span.findFirstOrThrow({ where: { claimId: id } });
    const text = (await t.db.source.findUniqueOrThrow({ where: { id: CASPIAN } })).text;
    const cps = Array.from(text);
    expect(cps.slice(span.start, span.end).join("")).toBe(span.exact);
    expect(cps.slice(Math.max(0, span.start - 32), span.start).join("")).toBe(span.prefix);
    expect(cps.slice(span.end, span.end + 32).join("")).toBe(span.suffix);
  });

  it("rejects a quote that is not in the source (straight for curly apostrophe), showing the source's version, and writes nothing", async () => {
    const before = await t.db.claim.count();
    const err = await expectAppError(
      createClaim(t.db, { sourceId: CASPIAN, text: "x", spans: [{ exact: "Luhansk People's Republics" }], attribution: publication }),
      "unprocessable",
      /not in the source verbatim/,
    );
    expect((err.details as { candidates: { exact: string }[] }).candidates[0]!.exact).toBe("Luhansk People’s Republics");
    expect(await t.db.claim.count()).toBe(before);
  });

  it("rejects an ambiguous quote with every candidate, unless prefix, suffix or hint decides", async () => {
    const exact = "Kazakhstan remains heavily reliant on oil exports through the pipeline of the Caspian Pipeline Consortium (CPC)";
    const err = await expectAppError(
      createClaim(t.db, { sourceId: CASPIAN, text: "x", spans: [{ exact }], attribution: publication }),
      "unprocessable",
      /occurs 2 times/,
    );
    const candidates = (err.details as { candidates: { start: number }[] }).candidates;
    expect(candidates).toHaveLength(2);
    const { id } = await createClaim(t.db, { sourceId: CASPIAN, text: "x", spans: [{ exact, hint: candidates[0]!.start }], attribution: publication });
    expect((await t.db.span.findFirstOrThrow({ where: { claimId: id } })).start).toBe(candidates[0]!.start);
  });

  it("rejects offsets outside the source, inside a character, and overlapping spans", async () => {
    await expectAppError(createClaim(t.db, { sourceId: CASPIAN, text: "x", spans: [{ start: 5, end: 999_999 }], attribution: publication }), "unprocessable", /within the source/);
    await expectAppError(
      createClaim(t.db, { sourceId: CASPIAN, text: "x", spans: [{ start: 10, end: 20 }, { start: 15, end: 25 }], attribution: publication }),
      "unprocessable",
      /overlap/,
    );
    const s = await createSource(t.db, { text: "un cafe\u0301 noir" });
    await expectAppError(createClaim(t.db, { sourceId: s.id, text: "x", spans: [{ start: 3, end: 7 }], attribution: publication }), "unprocessable", /split a character/);
  });

  it("rejects attributions without a person for direct quotes, and unknown people or sources", async () => {
    await expectAppError(createClaim(t.db, { sourceId: CASPIAN, text: "x", spans: [{ start: 0, end: 4 }], attribution: { kind: "direct" } }), "unprocessable", /personId/);
    await expectAppError(
      createClaim(t.db, { sourceId: CASPIAN, text: "x", spans: [{ start: 0, end: 4 }], attribution: { kind: "direct", personId: "nobody-here" } }),
      "unprocessable",
      /No person/,
    );
    await expectAppError(createClaim(t.db, { sourceId: "no-such-source", text: "x", spans: [{ start: 0, end: 4 }], attribution: publication }), "unprocessable", /no source/);
  });

  it("returns the existing source when the same text is added again", async () => {
    const text = "A text added twice — with an emoji 🙂.";
    const a = await createSource(t.db, { text, publisher: "Someone" });
    const b = await createSource(t.db, { text });
    expect(b).toEqual({ ...a, created: false });
  });
});

describe("the database itself refuses data that breaks the invariants", () => {
  const raw = () => new Database(t.file);

  it("refuses a span whose text differs from its source by one character", () => {
    const db = raw();
    const span = db.prepare(`SELECT * FROM Span WHERE exact LIKE '%detials%'`).get() as Record<string, unknown>;
    expect(() =>
      db.prepare(`INSERT INTO Span (id, claimId, sourceId, start, "end", exact, prefix, suffix) VALUES ('bad1', ?, ?, ?, ?, ?, ?, ?)`).run(
        span.claimId, span.sourceId, span.start, span.end, String(span.exact).replace("detials", "details"), span.prefix, span.suffix,
      ),
    ).toThrow(/VERBATIM_SPAN_MISMATCH/);
    expect(() => db.prepare(`UPDATE Span SET start = start + 1 WHERE id = ?`).run(span.id)).toThrow(/VERBATIM_SPAN_MISMATCH/);
    db.close();
  });

  it("refuses to change a source's text, or to rewrite review history", () => {
    const db = raw();
    expect(() => db.prepare(`UPDATE Source SET text = text || ' ' WHERE id = ?`).run(CASPIAN)).toThrow(/VERBATIM_SOURCE_IMMUTABLE/);
    expect(() => db.prepare(`UPDATE Review SET rationale = 'rewritten'`).run()).toThrow(/VERBATIM_REVIEW_APPEND_ONLY/);
    expect(() => db.prepare(`DELETE FROM Review`).run()).toThrow(/VERBATIM_REVIEW_APPEND_ONLY/);
    expect(() => db.prepare(`UPDATE Claim SET status = 'true'`).run()).toThrow(/VERBATIM_CLAIM_STATUS/);
    db.close();
  });
});

describe("verify", () => {
  it("names every violation and `npx verbatim verify` exits non-zero", async () => {
    const db = new Database(t.file);
    db.exec(`DROP TRIGGER "Span_verbatim_update"; DROP TRIGGER "Source_text_immutable";`);
    const span = db.prepare(`SELECT id FROM Span WHERE exact LIKE '%detials%'`).get() as { id: string };
    db.prepare(`UPDATE Span SET exact = replace(exact, 'detials', 'details') WHERE id = ?`).run(span.id);
    db.prepare(`UPDATE Source SET text = text || '.' WHERE id = ?`).run(CASPIAN);
    db.close();

    const report = await verifyDatabase(t.db);
    const named = report.violations.map((v) => `${v.entity} ${v.id}`);
    expect(named).toContain(`span ${span.id}`);
    expect(named).toContain(`source ${CASPIAN}`);
    expect(named).toContain("database Span_verbatim_update");

    const cli = spawnSync(process.execPath, [path.resolve("bin/verbatim.mjs"), "verify"], {
      env: { ...process.env, DATABASE_URL: t.url },
      encoding: "utf8",
    });
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain(`VIOLATION span ${span.id}`);
    expect(cli.stderr).toContain(`VIOLATION source ${CASPIAN}: text hashes to`);
  });
});
