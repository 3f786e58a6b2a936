import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportDump } from "@/lib/backup/export-dump";
import { importDump } from "@/lib/backup/import-dump";
import { appliedMigrations } from "@/lib/backup/migrations";
import { createClaim } from "@/lib/claims/create-claim";
import { type Db, dbEngine } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { createPerson } from "@/lib/people/create-person";
import { recordReviewIn } from "@/lib/reviews/record-review";
import { createSource } from "@/lib/sources/create-source";
import { verifyDatabase } from "@/lib/verify/verify-database";
import { createTestActor, type TestActor } from "../support/actors";
import { freshDatabase, type TestDatabase, useAsAppDatabase } from "../support/database";

// Backup and restore: export → import into an empty database → export again must give
// the same bytes, and a backup with any wrong record must be refused whole.
let src: TestDatabase; // seeded, plus edge cases
let copy: TestDatabase; // the import of src's dump
let target: TestDatabase; // stays empty: every refused import goes here
let dumpText: string;
let lines: string[];
let trailer: string;

const EDGE_TEXT = "Line one.\r\nThe minister said: “We 👍🏽 agree\u00a0— 🇰🇿 café\u0301 stays”.\r\nSecond line 🙂 ends here.";
let edgeSource: string;
let edgeClaim: string;
let publicationClaim: string;
let latestMigration: string;
let actor: TestActor;
/** Secrets src holds that no dump may contain. */
let secrets: Record<string, string>;

const DUMP_TYPES = ["source", "sourceEdit", "archive", "person", "merge", "user", "claim", "review", "edit", "link", "rejection", "sourceChange"];
/** Keys a source record gained in format version 6. */
const V6_SOURCE_KEYS = ["version", "metadataOrigin", "republishedFrom", "revisionOf"];
const V1_TYPES = ["source", "person", "claim", "review"];
const V1_MIGRATION = "20261121193500_invariants";

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
    merges: await db.personMerge.count(),
    users: await db.user.count(),
    edits: await db.claimEdit.count(),
    links: await db.claimLink.count(),
    rejections: await db.suggestionRejection.count(),
    sourceEdits: await db.sourceEdit.count(),
    archives: await db.sourceArchive.count(),
    sourceChanges: await db.sourceChange.count(),
  };
}
const EMPTY = {
  sources: 0, people: 0, aliases: 0, claims: 0, spans: 0, attributions: 0, reviews: 0, merges: 0, users: 0, edits: 0, links: 0, rejections: 0,
  sourceEdits: 0, archives: 0, sourceChanges: 0,
};

/**
 * `body` (a header and records) with an end record that matches it, computed here
 * independently of the exporter: tests that change a record then see only the problem
 * they made, not also the checksum's. Headers before format version 3 get none.
 */
function signed(body: string[]): string[] {
  let header: { version?: unknown } = {};
  try {
    header = JSON.parse(body[0] ?? "") as { version?: unknown };
  } catch {
    return body;
  }
  if (typeof header.version !== "number" || header.version < 3) return body;
  const records = Object.fromEntries(DUMP_TYPES.map((t) => [t, 0]));
  for (const l of body.slice(1)) {
    try {
      const t = (JSON.parse(l) as { type?: unknown }).type;
      if (typeof t === "string" && t in records) records[t]!++;
    } catch {
      // a malformed line counts as no record
    }
  }
  const sha256 = createHash("sha256").update(body.map((l) => `${l}\n`).join(""), "utf8").digest("hex");
  return [...body, JSON.stringify({ type: "verbatim-backup-end", records, lines: body.length, sha256 })];
}

async function refused(input: string[], pattern: RegExp, db: Db = target.db, opts: { sign?: boolean } = {}): Promise<AppError> {
  const err = await importDump(db, opts.sign === false ? input : signed(input)).then(
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
    merges: await db.personMerge.findMany({ orderBy: { id: "asc" } }),
    users: await db.user.findMany({ orderBy: { id: "asc" } }),
    edits: await db.claimEdit.findMany({ orderBy: { id: "asc" } }),
    links: await db.claimLink.findMany({ orderBy: { id: "asc" } }),
    rejections: await db.suggestionRejection.findMany({ orderBy: { id: "asc" } }),
    sourceEdits: await db.sourceEdit.findMany({ orderBy: { id: "asc" } }),
    archives: await db.sourceArchive.findMany({ orderBy: { sourceId: "asc" } }),
    sourceChanges: await db.sourceChange.findMany({ orderBy: { id: "asc" } }),
  };
}

beforeAll(async () => {
  [src, copy, target] = await Promise.all([freshDatabase(), freshDatabase({ seed: false }), freshDatabase({ seed: false })]);
  useAsAppDatabase(src); // better-auth (password hashing) and its secret file live beside src
  latestMigration = (await appliedMigrations(src.db)).at(-1)!;

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

  // Accounts, history, links and merges, with every kind of secret beside them.
  actor = await createTestActor(src.db, "editor", "Édith Éditrice");
  const session = await src.db.session.create({
    data: { id: newId(), token: `session-${newId()}${newId()}`, userId: actor.id, expiresAt: new Date(Date.now() + 86_400_000) },
  });
  const verification = await src.db.verification.create({
    data: { id: newId(), identifier: actor.email, value: `reset-${newId()}${newId()}`, expiresAt: new Date(Date.now() + 86_400_000) },
  });
  await src.db.rateLimit.create({ data: { id: newId(), key: "203.0.113.9/sign-in/email", count: 3, lastRequest: BigInt(Date.now()) } });
  const account = await src.db.account.findFirstOrThrow({ where: { userId: actor.id } });
  const apiToken = await src.db.apiToken.findFirstOrThrow({ where: { userId: actor.id } });
  expect(account.password).toBeTruthy();
  secrets = {
    passwordHash: account.password!,
    tokenHash: apiToken.tokenHash,
    token: actor.token,
    sessionToken: session.token,
    verificationValue: verification.value,
  };
  await src.db.claimEdit.create({
    data: {
      id: newId(),
      claimId: edgeClaim,
      kind: "edit",
      version: 2,
      changes: JSON.stringify({ text: { from: "The minister agreed.", to: "The minister agrees." }, asOf: { from: null, to: "2024-12-03" } }),
      actorId: actor.id,
      actorName: "Édith Éditrice",
    },
  });
  await src.db.claimLink.create({
    data: { id: newId(), fromClaimId: edgeClaim, toClaimId: publicationClaim, kind: "corroborates", note: "Same text, “two” views 🙂", createdById: actor.id, createdByName: "Édith Éditrice" },
  });
  const survivor = await createPerson(src.db, { name: "Survivor Person" });
  await src.db.personMerge.create({
    data: {
      id: newId(),
      survivorId: survivor.id,
      mergedId: "merged-person-1",
      mergedName: "Merged Pérson",
      mergedSlug: "merged-person",
      claimIds: JSON.stringify([publicationClaim]),
      actorId: null,
      actorName: "An admin",
    },
  });
  await src.db.suggestionRejection.create({
    data: { id: newId(), sourceId: "rferl-toqaev-moscow", key: "0-10,20-31", kind: "direct", exact: "Following “a”", actorId: actor.id, actorName: "Édith Éditrice" },
  });

  dumpText = await dump(src.db);
  const all = dumpText.split("\n").slice(0, -1);
  lines = all.slice(0, -1); // header and records; the end record is checked on its own
  trailer = all.at(-1)!;
});
afterAll(async () => {
  await Promise.all([src?.cleanup(), copy?.cleanup(), target?.cleanup()]);
});

describe("export", () => {
  it("writes a versioned header without a timestamp, then sources, people, claims and reviews, one per line", () => {
    expect(dumpText.endsWith("\n")).toBe(true);
    expect(JSON.parse(lines[0]!)).toEqual({ type: "verbatim-backup", version: 6, migration: latestMigration });
    expect(signed(lines).at(-1)).toBe(trailer);
    expect(latestMigration >= "20261121212336_accounts_history_links").toBe(true);
    expect(Object.keys(JSON.parse(lines[0]!) as object)).toEqual(["type", "version", "migration"]);
    const types = lines.slice(1).map((l) => (JSON.parse(l) as { type: string }).type);
    const order = DUMP_TYPES;
    // Every type this fixture has (sources that change: backup-revisions.test.ts), in dump order.
    expect([...new Set(types)]).toEqual(order.filter((t) => !["sourceEdit", "archive", "sourceChange"].includes(t)));
    expect([...types].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(types);
  });

  it("puts every column in, with ids in order, ISO timestamps and parsed evidence", async () => {
    const records = lines.slice(1).map((l) => JSON.parse(l) as Record<string, unknown> & { type: string; id: string });
    for (const type of DUMP_TYPES) {
      const ids = records.filter((r) => r.type === type).map((r) => r.id);
      expect(ids).toEqual([...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    const source = records.find((r) => r.id === edgeSource)!;
    expect(Object.keys(source)).toEqual(["type", "id", "title", "publisher", "author", "url", "publishedAt", "retrievedAt", "language", "sha256", "length", "createdAt", ...V6_SOURCE_KEYS, "text"]);
    expect(source).toMatchObject({ text: EDGE_TEXT, retrievedAt: "2024-12-03T10:15:30.123Z", publisher: null, length: Array.from(EDGE_TEXT).length });
    const claim = records.find((r) => r.id === edgeClaim)!;
    expect(Object.keys(claim)).toEqual(["type", "id", "sourceId", "text", "status", "version", "asOf", "createdAt", "updatedAt", "attribution", "spans"]);
    expect(claim).toMatchObject({ status: "disputed", version: 3, asOf: "2024-12-03", attribution: { kind: "direct", role: "minister" } });
    const review = records.find((r) => r.type === "review" && r.claimId === edgeClaim && r.toStatus === "supported")!;
    expect(review.evidence).toEqual([{ kind: "url", url: "https://example.org/a?b=c&d=é" }, { kind: "span", claimId: edgeClaim, n: 1.5 }]);
    expect(review).toMatchObject({ reviewerId: "user-editor-1", isDemo: false, version: 2 });
    expect(Object.keys(review)).toEqual(["type", "id", "claimId", "fromStatus", "toStatus", "rationale", "evidence", "reviewerId", "reviewerName", "isDemo", "version", "createdAt"]);
    expect(records.filter((r) => r.type === "review" && r.isDemo === true).length).toBeGreaterThan(0);

    const user = records.find((r) => r.type === "user")!;
    expect(Object.keys(user)).toEqual(["type", "id", "name", "email", "emailVerified", "image", "role", "createdAt", "updatedAt"]);
    expect(user).toMatchObject({ id: actor.id, email: actor.email, role: "editor", name: "Édith Éditrice", emailVerified: true, image: null });
    const edit = records.find((r) => r.type === "edit")!;
    expect(Object.keys(edit)).toEqual(["type", "id", "claimId", "kind", "version", "changes", "actorId", "actorName", "createdAt"]);
    expect(edit).toMatchObject({ claimId: edgeClaim, kind: "edit", version: 2, actorId: actor.id, changes: { asOf: { from: null, to: "2024-12-03" } } });
    const link = records.find((r) => r.type === "link" && r.fromClaimId === edgeClaim)!; // the seeds have a link too
    expect(Object.keys(link)).toEqual(["type", "id", "fromClaimId", "toClaimId", "kind", "note", "createdById", "createdByName", "createdAt"]);
    expect(link).toMatchObject({ fromClaimId: edgeClaim, toClaimId: publicationClaim, kind: "corroborates" });
    const merge = records.find((r) => r.type === "merge")!;
    expect(Object.keys(merge)).toEqual(["type", "id", "survivorId", "mergedId", "mergedName", "mergedSlug", "claimIds", "actorId", "actorName", "createdAt"]);
    expect(merge).toMatchObject({ mergedId: "merged-person-1", claimIds: [publicationClaim], actorId: null });
  });

  it("holds no secret: no password hash, session, API token, reset value or rate limit", () => {
    for (const [what, secret] of Object.entries(secrets)) {
      expect(secret.length, what).toBeGreaterThan(8);
      expect(dumpText.includes(secret), `the dump contains the ${what}`).toBe(false);
    }
    expect(dumpText.includes(actor.token.slice("vbt_".length))).toBe(false);
    expect(dumpText).not.toMatch(/"(password|token|tokenHash|accessToken|refreshToken|idToken|sessions|accounts|apiTokens)":/);
    expect(dumpText).not.toContain("203.0.113.9");
    expect(dumpText).not.toMatch(/\$scrypt|[0-9a-f]{32}:[0-9a-f]{64,}/); // better-auth's scrypt hash shapes
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
    const summary = await importDump(copy.db, [...lines, trailer]);
    expect(summary).toMatchObject({ migration: latestMigration, sources: 3, reviews: await src.db.review.count(), users: 1, edits: 1, links: await src.db.claimLink.count(), merges: 1 });
    expect(summary).toMatchObject(await counts(src.db));
    const again = await dump(copy.db);
    expect(Buffer.from(again, "utf8").equals(Buffer.from(dumpText, "utf8"))).toBe(true);
  });

  it("keeps every row, with ids, timestamps (updatedAt too), versions and statuses; users get no secrets", async () => {
    expect(await tables(copy.db)).toEqual(await tables(src.db));
    const secretRows = [copy.db.account.count(), copy.db.session.count(), copy.db.apiToken.count(), copy.db.verification.count(), copy.db.rateLimit.count()];
    expect(await Promise.all(secretRows)).toEqual([0, 0, 0, 0, 0]);
    const user = await copy.db.user.findUniqueOrThrow({ where: { id: actor.id } });
    const original = await src.db.user.findUniqueOrThrow({ where: { id: actor.id } });
    expect(user.updatedAt.toISOString()).toBe(original.updatedAt.toISOString());
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

  it("refuses a database that holds only a user", async () => {
    const t = await freshDatabase({ seed: false });
    try {
      await t.db.user.create({ data: { id: newId(), name: "Early Admin", email: "admin@verbatim.test", role: "admin" } });
      await refused(lines, /not empty \(0 sources, 0 people, 0 claims, 0 reviews, 1 users\)/, t.db);
      expect(await t.db.source.count()).toBe(0);
    } finally {
      await t.cleanup();
    }
  });

  it("still reads a version 1 backup (no users, edits, links or merges; reviews without a version)", async () => {
    const kept = lines.slice(1).map((l) => JSON.parse(l) as Record<string, unknown>).filter((r) => V1_TYPES.includes(r.type as string));
    const v1 = [
      JSON.stringify({ type: "verbatim-backup", version: 1, migration: V1_MIGRATION }),
      ...kept.map((r) => JSON.stringify(r.type === "review" ? { ...r, version: undefined } : r.type === "source" ? { ...r, ...Object.fromEntries(V6_SOURCE_KEYS.map((k) => [k, undefined])) } : r)),
    ];
    expect(v1.some((l) => l.startsWith('{"type":"review"') && !l.includes('"version"'))).toBe(true);
    const t = await freshDatabase({ seed: false });
    try {
      const summary = await importDump(t.db, v1);
      expect(summary).toMatchObject({ migration: V1_MIGRATION, sources: 3, users: 0, edits: 0, links: 0, merges: 0 });
      // Dumped again it is a current backup of the same records, its reviews' versions
      // unknown, its sources without history, origins, republication or revision links.
      const v1Source = { version: 1, metadataOrigin: {}, republishedFrom: null, revisionOf: null };
      const records = kept.map((r) => JSON.stringify(r.type === "review" ? { ...r, version: null } : r.type === "source" ? { ...r, ...v1Source, text: r.text } : r));
      const expected = signed([lines[0]!, ...records]).map((l) => `${l}\n`).join("");
      expect(await dump(t.db)).toBe(expected);
    } finally {
      await t.cleanup();
    }
    // A version 1 backup cannot hold the newer record types.
    const user = lines.find((l) => l.startsWith('{"type":"user"'))!;
    await refused([...v1, user], new RegExp(`^line ${v1.length + 1}: unknown record type "user" \\(format version 1 holds source, person, claim, review\\)$`, "m"));
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
    const withComment = [...lines.slice(0, 3), JSON.stringify({ type: "comment", id: "a-comment", claimId: edgeClaim }), ...lines.slice(3)];
    await refused(withComment, /^line 4: unknown record type "comment" \(format version 6 holds source, sourceEdit, archive, person, merge, user, claim, review, edit, link, rejection, sourceChange\)$/m);
  });

  it("a header of another format version, or no header", async () => {
    await refused([JSON.stringify({ type: "verbatim-backup", version: 7, migration: latestMigration }), ...lines.slice(1)], /^line 1: backup format version 7 is not supported; this version of Verbatim reads versions 1, 2, 3, 4, 5 and 6$/m);
    await refused(lines.slice(1), /^line 1: not a Verbatim backup/m);
    await refused([], /^line 1: the backup is empty/m);
    await refused([JSON.stringify({ type: "verbatim-backup", version: 5, migration: "20991231000000_future" }), ...lines.slice(1)], /^line 1: .*migration 20991231000000_future, which this database has not applied .*: it comes from a newer Verbatim/m);
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

  it("a link to an unknown claim, or from a claim to itself", async () => {
    const bad = edited((r) => r.type === "link", (r) => ({ ...r, toClaimId: "no-such-claim" }));
    const err = await refused(bad.lines, new RegExp(`^line ${bad.line}: link [a-z0-9]+: toClaimId "no-such-claim" is not a claim in this backup$`, "m"));
    expect(err.message).toMatch(/^The backup has 1 problem; nothing was imported\./);
    const self = edited((r) => r.type === "link", (r) => ({ ...r, toClaimId: r.fromClaimId }));
    await refused(self.lines, new RegExp(`^line ${self.line}: link [a-z0-9]+: toClaimId: a link joins two different claims$`, "m"));
    // The test's own link (the seeds have one too): repeated under another id.
    const ownLine = lines.findIndex((l) => l.includes('"type":"link"') && l.includes(`"fromClaimId":"${edgeClaim}"`));
    const twice = [...lines, JSON.stringify({ ...(JSON.parse(lines[ownLine]!) as object), id: "second-link" })];
    await refused(twice, new RegExp(`^line ${twice.length}: link second-link: another link already joins ${edgeClaim} to ${publicationClaim} \\(first on line ${ownLine + 1}\\)$`, "m"));
  });

  it("an edit of an unknown claim, a merge into an unknown person, a user with a secret", async () => {
    const edit = edited((r) => r.type === "edit", (r) => ({ ...r, claimId: "gone-claim" }));
    await refused(edit.lines, new RegExp(`^line ${edit.line}: edit [a-z0-9]+: claimId "gone-claim" is not a claim in this backup$`, "m"));
    const merge = edited((r) => r.type === "merge", (r) => ({ ...r, survivorId: "nobody" }));
    await refused(merge.lines, new RegExp(`^line ${merge.line}: merge [a-z0-9]+: survivorId "nobody" is not a person in this backup$`, "m"));
    const user = edited((r) => r.type === "user", (r) => ({ ...r, password: "hunter2", role: "owner" }));
    const err = await refused(user.lines, new RegExp(`^line ${user.line}: user ${actor.id}: .*role: .*`, "m"));
    expect(err.message).toMatch(/password/);
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
    await refused(dup, new RegExp(`^line ${dup.length}: duplicate rejection id "[a-z0-9]+" \\(first on line ${dup.length - 1}\\)$`, "m"));
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
      // On the last table written, so everything else (users too) has been inserted by then.
      if (dbEngine(t.db) === "postgres") {
        await t.db.$executeRawUnsafe(`CREATE FUNCTION test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
          IF NEW."fromClaimId" = '${edgeClaim}' THEN RAISE EXCEPTION 'VERBATIM_TEST_REFUSED: refused for the test'; END IF; RETURN NEW; END $$`);
        await t.db.$executeRawUnsafe(`CREATE TRIGGER test_refuse BEFORE INSERT ON "ClaimLink" FOR EACH ROW EXECUTE FUNCTION test_refuse()`);
      } else {
        const raw = new Database(t.file);
        raw.exec(`CREATE TRIGGER test_refuse BEFORE INSERT ON "ClaimLink" WHEN NEW."fromClaimId" = '${edgeClaim}'
                  BEGIN SELECT RAISE(ABORT, 'VERBATIM_TEST_REFUSED: refused for the test'); END;`);
        raw.close();
      }
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

  it("exports to a file and imports it into another database file; refuses a bad file with exit 2, naming the line", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "verbatim-backup-"));
    const file = path.join(dir, "backup.jsonl");

    const exported = cli(["export", "--out", file], src.url);
    expect(exported.stderr).toBe("");
    expect(exported.status).toBe(0);
    expect(exported.stdout).toMatch(
      /^exported 3 sources, \d+ people \(\d+ aliases, 1 merges\), \d+ claims \(\d+ spans, \d+ attributions\), \d+ reviews, 1 claim edits, \d+ links, 1 rejected suggestions, 1 users to /,
    );
    expect(readFileSync(file, "utf8")).toBe(dumpText);

    const toStdout = cli(["export", "--out", "-"], src.url);
    expect(toStdout.status).toBe(0);
    expect(toStdout.stdout).toBe(dumpText);

    const t = await freshDatabase({ seed: false });
    try {
      const imported = cli(["import", file], t.url);
      expect(imported.stderr).toBe("");
      expect(imported.status).toBe(0);
      expect(imported.stdout).toMatch(new RegExp(`^imported 3 sources, .* 1 users \\(backup made at migration ${latestMigration}\\)\n.*verbatim user password --email`));
      expect(await dump(t.db)).toBe(dumpText);

      const again = cli(["import", file], t.url);
      expect(again.status, again.stderr).toBe(2); // a refusal (AppError below 500) exits 2, see cli/main.ts
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
    writeFileSync(badFile, `${signed(bad.lines).join("\n")}\n`);
    const refusedImport = cli(["import", badFile], target.url);
    expect(refusedImport.status).toBe(2);
    expect(refusedImport.stderr).toMatch(new RegExp(`^line ${bad.line}: claim ${edgeClaim}: spans\\.0 .*is not verbatim`, "m"));
    expect(await counts(target.db)).toEqual(EMPTY);

    const missing = cli(["import", path.join(dir, "nope.jsonl")], target.url);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/ENOENT/);
  });

  it("imports into a database file that was never migrated, migrating it first", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "verbatim-backup-"));
    const file = path.join(dir, "backup.jsonl");
    writeFileSync(file, dumpText);
    const url = `file:${path.join(dir, "never-migrated.db")}`;
    const imported = cli(["import", file], url);
    expect(imported.stderr).toMatch(/^applied \d+ migration\(s\) before importing\n$/);
    expect(imported.status).toBe(0);
    const check = cli(["export", "--out", "-"], url);
    expect(check.stdout).toBe(dumpText);
  });
});

describe("import refuses a backup that is not whole (format 3 end record), naming the reason", () => {
  it("a file cut short: at a line boundary, or mid-line", async () => {
    await refused(lines, /the backup is truncated: it ends without its end record/, target.db, { sign: false });
    await refused(lines.slice(0, 40), /the backup is truncated/, target.db, { sign: false });
    const cut = [...lines.slice(0, 10), lines[10]!.slice(0, 25)];
    await refused(cut, /^line 11: not valid JSON/m, target.db, { sign: false });
  });

  it("a duplicated line, a moved line, a removed line", async () => {
    const dup = [...lines.slice(0, 6), lines[5]!, ...lines.slice(6), trailer];
    await refused(dup, /^line 7: out of order: .* \(a line was repeated or moved\)$/m, target.db, { sign: false });
    const claimAt = lines.findIndex((l) => l.startsWith('{"type":"claim"'));
    const moved = [...lines.slice(0, 2), lines[claimAt]!, ...lines.slice(2, claimAt), ...lines.slice(claimAt + 1), trailer];
    await refused(moved, /out of order: a (source|person) record after claim records/, target.db, { sign: false });
    const removed = [...lines.slice(0, 3), ...lines.slice(4), trailer];
    const err = await refused(removed, /the end record counts \d+ lines before it; the file has \d+/, target.db, { sign: false });
    expect(err.message).toMatch(/checksum in the end record does not match/);
  });

  it("an edited line, a line after the end record, a wrong end record", async () => {
    const edited1 = [...lines.slice(0, 1), lines[1]!.replace('"title":', '"title" :'), ...lines.slice(2), trailer];
    await refused(edited1, /checksum in the end record does not match the lines before it/, target.db, { sign: false });
    await refused([...lines, trailer, lines[1]!], /a line after the backup's end record/, target.db, { sign: false });
    await refused([...lines, '{"type":"verbatim-backup-end","records":{}}'], /the end record is malformed/, target.db, { sign: false });
  });
});
