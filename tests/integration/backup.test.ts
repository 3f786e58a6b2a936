import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportDump } from "@/lib/backup/export-dump";
import { importDump } from "@/lib/backup/import-dump";
import { createClaim } from "@/lib/claims/create-claim";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createPerson } from "@/lib/people/create-person";
import { recordReviewIn } from "@/lib/reviews/record-review";
import { createSource } from "@/lib/sources/create-source";
import { verifyDatabase } from "@/lib/verify/verify-database";
import { freshDatabase, type TestDatabase } from "../support/database";

// Backup and restore: export → import into an empty database → export again must give
// the same bytes, and a backup with any wrong record must be refused whole.
let src: TestDatabase; // seeded, plus edge cases
let copy: TestDatabase; // the import of src's dump
let target: TestDatabase; // stays empty: every refused import goes here
let dumpText: string;
let lines: string[];

const EDGE_TEXT = "Line one.\r\nThe minister said: “We 👍🏽 agree\u00a0— 🇰🇿 café\u0301 stays”.\r\nSecond line 🙂 ends here.";
let edgeSource: string;
let edgeClaim: string;
let publicationClaim: string;

async function dump(db: Db): Promise<string> {
  const out: string[] = [];
  await exportDump(db, (line) => {
    out.push(`${line}\n`);
  });
  return out.join("");
}

/** The dump's lines (no trailing empty line), with the line matching `pick` changed by `edit`; returns the 1-based line number too. */
function edited(pick: (record: Record<string, unknown>) => boolean, edit: (record: Record<string, unknown>) => Record<string, unknown> | string) {
  const index = lines.findIndex((l) => pick(JSON.parse(l) as Record<string, unknown>));
  expect(index).toBeGreaterThan(0);
  const out = [...lines];
  const changed = edit(JSON.parse(lines[index]!) as Record<string, unknown>);
  out[index] = typeof changed === "string" ? changed : JSON.stringify(changed);
  return { lines: out, line: index + 1 };
}

async function counts(db: Db) {
  return {
    sources: await db.source.count(),
    people: await db.person.count(),
    aliases: await db.personAlias.count(),
    claims: await db.claim.count(),
    spans: await db.span.count(),
    attributions: await db.attribution.count(),
    reviews: await db.review.count(),
  };
}
const EMPTY = { sources: 0, people: 0, aliases: 0, claims: 0, spans: 0, attributions: 0, reviews: 0 };

async function refused(input: string[], pattern: RegExp, db: Db = target.db): Promise<AppError> {
  const err = await importDump(db, input).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).message).toMatch(pattern);
  if (db === target.db) expect(await counts(db)).toEqual(EMPTY);
  return err as AppError;
}

async function tables(db: Db) {
  return {
    sources: await db.source.findMany({ orderBy: { id: "asc" } }),
    people: await db.person.findMany({ orderBy: { id: "asc" } }),
    aliases: await db.personAlias.findMany({ orderBy: { id: "asc" } }),
    claims: await db.claim.findMany({ orderBy: { id: "asc" } }),
    spans: await db.span.findMany({ orderBy: { id: "asc" } }),
    attributions: await db.attribution.findMany({ orderBy: { id: "asc" } }),
    reviews: await db.review.findMany({ orderBy: { id: "asc" } }),
  };
}

beforeAll(async () => {
  [src, copy, target] = await Promise.all([freshDatabase(), freshDatabase({ seed: false }), freshDatabase({ seed: false })]);

  edgeSource = (
    await createSource(src.db, {
      text: EDGE_TEXT,
      title: "Edge cases: CRLF, NBSP, emoji, combining marks",
      publishedAt: "2024-12",
      retrievedAt: "2024-12-03T10:15:30.123Z",
      language: "en",
    })
  ).id;
  const person = await createPerson(src.db, { name: "Zoë Ångström", aliases: ["Zoe Angstrom"], description: "A person\nwith a two-line description" });
  edgeClaim = (
    await createClaim(src.db, {
      sourceId: edgeSource,
      text: "The minister agrees.",
      asOf: "2024-12-03",
      spans: [{ exact: "We 👍🏽 agree\u00a0— 🇰🇿 café\u0301 stays" }],
      attribution: { kind: "direct", personId: person.id, role: "minister" },
    })
  ).id;
  publicationClaim = (
    await createClaim(src.db, {
      sourceId: edgeSource,
      text: "The text has two lines.",
      spans: [{ exact: "Line one.\r\n" }, { exact: "Second line 🙂" }],
      attribution: { kind: "publication" },
    })
  ).id;
  await src.db.$transaction(async (tx) => {
    const { version } = await recordReviewIn(tx, {
      claimId: edgeClaim,
      toStatus: "supported",
      rationale: "Quoted verbatim; “curly” quotes and 🙂 kept.",
      evidence: [{ kind: "url", url: "https://example.org/a?b=c&d=é" }, { kind: "span", claimId: edgeClaim, n: 1.5 }],
      expectedVersion: 1,
      reviewer: { id: "user-editor-1", name: "Editor One" },
    });
    await recordReviewIn(tx, {
      claimId: edgeClaim,
      toStatus: "disputed",
      rationale: "Second look:\r\ncontext changes it.",
      expectedVersion: version,
      reviewer: { id: null, name: "Editor Two" },
    });
  });

  dumpText = await dump(src.db);
  lines = dumpText.split("\n").slice(0, -1);
});
afterAll(async () => {
  await Promise.all([src?.cleanup(), copy?.cleanup(), target?.cleanup()]);
});

describe("export", () => {
  it("writes a versioned header without a timestamp, then sources, people, claims and reviews, one per line", () => {
    expect(dumpText.endsWith("\n")).toBe(true);
    expect(JSON.parse(lines[0]!)).toEqual({ type: "verbatim-backup", version: 1, migration: "20261121193500_invariants" });
    expect(Object.keys(JSON.parse(lines[0]!) as object)).toEqual(["type", "version", "migration"]);
    const types = lines.slice(1).map((l) => (JSON.parse(l) as { type: string }).type);
    const order = ["source", "person", "claim", "review"];
    expect([...new Set(types)]).toEqual(order);
    expect([...types].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(types);
  });

  it("puts every column in, with ids in order, ISO timestamps and parsed evidence", async () => {
    const records = lines.slice(1).map((l) => JSON.parse(l) as Record<string, unknown> & { type: string; id: string });
    for (const type of ["source", "person", "claim", "review"]) {
      const ids = records.filter((r) => r.type === type).map((r) => r.id);
      expect(ids).toEqual([...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    const source = records.find((r) => r.id === edgeSource)!;
    expect(Object.keys(source)).toEqual(["type", "id", "title", "publisher", "author", "url", "publishedAt", "retrievedAt", "language", "sha256", "length", "createdAt", "text"]);
    expect(source).toMatchObject({ text: EDGE_TEXT, retrievedAt: "2024-12-03T10:15:30.123Z", publisher: null, length: Array.from(EDGE_TEXT).length });
    const claim = records.find((r) => r.id === edgeClaim)!;
    expect(Object.keys(claim)).toEqual(["type", "id", "sourceId", "text", "status", "version", "asOf", "createdAt", "updatedAt", "attribution", "spans"]);
    expect(claim).toMatchObject({ status: "disputed", version: 3, asOf: "2024-12-03", attribution: { kind: "direct", role: "minister" } });
    const review = records.find((r) => r.type === "review" && r.claimId === edgeClaim && r.toStatus === "supported")!;
    expect(review.evidence).toEqual([{ kind: "url", url: "https://example.org/a?b=c&d=é" }, { kind: "span", claimId: edgeClaim, n: 1.5 }]);
    expect(review).toMatchObject({ reviewerId: "user-editor-1", isDemo: false });
    expect(records.filter((r) => r.type === "review" && r.isDemo === true).length).toBeGreaterThan(0);
  });

  it("gives the same bytes when run twice, whatever the batch size", async () => {
    expect(await dump(src.db)).toBe(dumpText);
    const out: string[] = [];
    await exportDump(src.db, (line) => void out.push(`${line}\n`), { batchSize: 3 });
    expect(out.join("")).toBe(dumpText);
  });
});

describe("import", () => {
  it("reproduces the database exactly: dump → import → dump is byte for byte the same", async () => {
    const summary = await importDump(copy.db, lines);
    expect(summary).toMatchObject({ migration: "20261121193500_invariants", sources: 3, reviews: (await src.db.review.count()) });
    expect(summary).toMatchObject(await counts(src.db));
    const again = await dump(copy.db);
    expect(Buffer.from(again, "utf8").equals(Buffer.from(dumpText, "utf8"))).toBe(true);
  });

  it("keeps every row, with ids, timestamps (updatedAt too), versions and statuses", async () => {
    expect(await tables(copy.db)).toEqual(await tables(src.db));
    const before = await src.db.claim.findUniqueOrThrow({ where: { id: edgeClaim } });
    const after = await copy.db.claim.findUniqueOrThrow({ where: { id: edgeClaim } });
    expect(after.updatedAt.toISOString()).toBe(before.updatedAt.toISOString());
    expect(after.updatedAt.getTime()).toBeLessThan(Date.now() - 5); // not the time of the import
    expect(after).toMatchObject({ status: "disputed", version: 3 });
    const text = await copy.db.source.findUniqueOrThrow({ where: { id: edgeSource } });
    expect(Buffer.from(text.text, "utf8").equals(Buffer.from(EDGE_TEXT, "utf8"))).toBe(true);
    const spans = await copy.db.span.findMany({ where: { claimId: publicationClaim }, orderBy: { start: "asc" } });
    expect(spans.map((s) => s.exact)).toEqual(["Line one.\r\n", "Second line 🙂"]);
  });

  it("leaves a database that verify finds no violation in", async () => {
    const report = await verifyDatabase(copy.db);
    expect(report.violations).toEqual([]);
    expect(report.claims).toBe(await src.db.claim.count());
  });

  it("refuses a database that is not empty", async () => {
    const before = await counts(src.db);
    const err = await refused(lines, /not empty .*Nothing was imported/, src.db);
    expect(err.code).toBe("conflict");
    expect(await counts(src.db)).toEqual(before);
  });
});

describe("import refuses a wrong backup, naming the line, and writes nothing", () => {
  it("a span whose exact differs by one character from its source", async () => {
    const bad = edited(
      (r) => r.id === edgeClaim,
      (r) => {
        const spans = r.spans as { exact: string }[];
        spans[0]!.exact = spans[0]!.exact.replace("agree", "agreе"); // Cyrillic е
        return r;
      },
    );
    const err = await refused(bad.lines, new RegExp(`^line ${bad.line}: claim ${edgeClaim}: spans\\.0 \\(span [a-z0-9]+\\) is not verbatim: exact .* differs from the source's`, "m"));
    expect(err.code).toBe("unprocessable");
    expect(err.message).toMatch(/^The backup has 1 problem; nothing was imported\./);
    expect(err.details).toEqual({ problems: [expect.stringMatching(new RegExp(`^line ${bad.line}: `))], total: 1 });
  });

  it("a span at the wrong offsets or with a wrong prefix", async () => {
    const bad = edited(
      (r) => r.id === publicationClaim,
      (r) => {
        const spans = r.spans as { start: number; end: number; prefix: string }[];
        spans[1]!.prefix = `x${spans[1]!.prefix.slice(1)}`;
        spans[0]!.end += 1000;
        return r;
      },
    );
    const err = await refused(bad.lines, new RegExp(`line ${bad.line}: claim ${publicationClaim}: spans\\.0 .*end \\d+ is not after start`));
    expect(err.message).toMatch(new RegExp(`line ${bad.line}: claim ${publicationClaim}: spans\\.1 .*prefix`));
  });

  it("a malformed JSON line", async () => {
    const bad = edited((r) => r.type === "person", () => '{"type":"person","id":"broken",');
    await refused(bad.lines, new RegExp(`^line ${bad.line}: not valid JSON`, "m"));
  });

  it("an unknown record type", async () => {
    const withLink = [...lines.slice(0, 3), JSON.stringify({ type: "link", id: "a-link", from: edgeClaim, to: publicationClaim }), ...lines.slice(3)];
    await refused(withLink, /^line 4: unknown record type "link" \(this version reads source, person, claim, review\)$/m);
  });

  it("a header of another format version, or no header", async () => {
    await refused([JSON.stringify({ type: "verbatim-backup", version: 2, migration: "20261121193500_invariants" }), ...lines.slice(1)], /^line 1: backup format version 2 is not supported/m);
    await refused(lines.slice(1), /^line 1: not a Verbatim backup/m);
    await refused([], /^line 1: the backup is empty/m);
    await refused([JSON.stringify({ type: "verbatim-backup", version: 1, migration: "20991231000000_future" }), ...lines.slice(1)], /^line 1: .*migration 20991231000000_future, which this database has not applied/m);
  });

  it("a dangling reference", async () => {
    const review = edited((r) => r.type === "review", (r) => ({ ...r, claimId: "no-such-claim" }));
    await refused(review.lines, new RegExp(`^line ${review.line}: review [a-z0-9]+: claimId "no-such-claim" is not a claim in this backup$`, "m"));
    const claim = edited(
      (r) => r.id === edgeClaim,
      (r) => ({ ...r, attribution: { ...(r.attribution as object), personId: "nobody" } }),
    );
    await refused(claim.lines, new RegExp(`^line ${claim.line}: claim ${edgeClaim}: attribution.personId "nobody" is not a person`, "m"));
  });

  it("a source whose text no longer matches its sha256", async () => {
    const bad = edited((r) => r.id === edgeSource, (r) => ({ ...r, text: (r.text as string).replace("\u00a0", " ") }));
    const err = await refused(bad.lines, new RegExp(`^line ${bad.line}: source ${edgeSource}: text hashes to [0-9a-f]{64}, not the recorded sha256`, "m"));
    // The span over the changed character is reported too, on its own claim's line.
    expect(err.message).toMatch(new RegExp(`claim ${edgeClaim}: spans\\.0 .*is not verbatim`));
  });

  it("a record that does not match its schema, and duplicate ids", async () => {
    const bad = edited((r) => r.id === edgeClaim, (r) => ({ ...r, status: "true", extra: 1 }));
    await refused(bad.lines, new RegExp(`^line ${bad.line}: claim ${edgeClaim}: .*status: .*`, "m"));
    const dup = [...lines, lines[lines.length - 1]!];
    await refused(dup, new RegExp(`^line ${dup.length}: duplicate review id "[a-z0-9]+" \\(first on line ${dup.length - 1}\\)$`, "m"));
  });

  it("lists problems in line order, the first 50 of them, and counts the rest", async () => {
    const many = [lines[0]!, ...Array.from({ length: 60 }, () => "{oops"), ...lines.slice(1)];
    const err = await refused(many, /^The backup has 60 problems; nothing was imported\.\nline 2: not valid JSON/);
    expect(err.message).toMatch(/\nline 51: not valid JSON[^\n]*\n… and 10 more$/);
    expect((err.details as { problems: string[] }).problems).toHaveLength(50);
  });

  it("rolls everything back when the database itself refuses a record late in the import", async () => {
    const t = await freshDatabase({ seed: false });
    try {
      const raw = new Database(t.file);
      raw.exec(`CREATE TRIGGER test_refuse BEFORE INSERT ON "Review" WHEN NEW."claimId" = '${edgeClaim}'
                BEGIN SELECT RAISE(ABORT, 'VERBATIM_TEST_REFUSED: refused for the test'); END;`);
      raw.close();
      const err = await refused(lines, /^Nothing was imported: VERBATIM_TEST_REFUSED: refused for the test$/, t.db);
      expect(err.code).toBe("unprocessable");
      expect(await counts(t.db)).toEqual(EMPTY);
    } finally {
      await t.cleanup();
    }
  });
});

describe("npx verbatim export / import", () => {
  const cli = (args: string[], url: string) =>
    spawnSync(process.execPath, [path.resolve("bin/verbatim.mjs"), ...args], { env: { ...process.env, DATABASE_URL: url }, encoding: "utf8" });

  it("exports to a file and imports it into another database file; refuses a bad file with exit 1, naming the line", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "verbatim-backup-"));
    const file = path.join(dir, "backup.jsonl");

    const exported = cli(["export", "--out", file], src.url);
    expect(exported.stderr).toBe("");
    expect(exported.status).toBe(0);
    expect(exported.stdout).toMatch(/^exported 3 sources, \d+ people \(\d+ aliases\), \d+ claims \(\d+ spans, \d+ attributions\), \d+ reviews to /);
    expect(readFileSync(file, "utf8")).toBe(dumpText);

    const toStdout = cli(["export", "--out", "-"], src.url);
    expect(toStdout.status).toBe(0);
    expect(toStdout.stdout).toBe(dumpText);

    const t = await freshDatabase({ seed: false });
    try {
      const imported = cli(["import", file], t.url);
      expect(imported.stderr).toBe("");
      expect(imported.status).toBe(0);
      expect(imported.stdout).toMatch(/^imported 3 sources, .* reviews \(backup made at migration 20261121193500_invariants\)/);
      expect(await dump(t.db)).toBe(dumpText);

      const again = cli(["import", file], t.url);
      expect(again.status).toBe(1);
      expect(again.stderr).toMatch(/verbatim import: error: The database is not empty/);
    } finally {
      await t.cleanup();
    }

    const bad = edited(
      (r) => r.id === edgeClaim,
      (r) => {
        const spans = r.spans as { exact: string }[];
        spans[0]!.exact = spans[0]!.exact.replace("🇰🇿", "🇷🇺");
        return r;
      },
    );
    const badFile = path.join(dir, "bad.jsonl");
    writeFileSync(badFile, `${bad.lines.join("\n")}\n`);
    const refusedImport = cli(["import", badFile], target.url);
    expect(refusedImport.status).toBe(1);
    expect(refusedImport.stderr).toMatch(new RegExp(`^line ${bad.line}: claim ${edgeClaim}: spans\\.0 .*is not verbatim`, "m"));
    expect(await counts(target.db)).toEqual(EMPTY);

    const missing = cli(["import", path.join(dir, "nope.jsonl")], target.url);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/ENOENT/);
  });
});
