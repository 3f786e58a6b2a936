import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as ingestRoute } from "@/app/api/ingest/route";
import { verifyDatabase } from "@/lib/verify/verify-database";
import { indexRowCounts } from "@/lib/verify/verify-sql";
import { createTestActor, type TestActor } from "../support/actors";
import { freshDatabase, type TestDatabase, useAsAppDatabase } from "../support/database";

// `npx verbatim ingest` as a newsroom runs it, and POST /api/ingest, on a real seeded
// SQLite file. The file: four sources, each line a source and its claims; line 3's
// quote is not in its text.
let t: TestDatabase;
let editor: TestActor;
let reader: TestActor;
const dir = mkdtempSync(path.join(os.tmpdir(), "verbatim-ingest-"));
beforeAll(async () => {
  t = await freshDatabase();
  useAsAppDatabase(t);
  editor = await createTestActor(t.db, "editor", "Erin Editor");
  reader = await createTestActor(t.db, "reader");
});
afterAll(async () => {
  await t.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const line = (text: string, claims: unknown[], meta: Record<string, unknown> = {}) => JSON.stringify({ source: { text, ...meta }, claims });
const NBSP_TEXT = "Toqaev said on\u00a0Tuesday that Kazakhstan’s exports rose by 5 percent — a record. 🇰🇿";
const LINES = [
  line(NBSP_TEXT, [
    { text: "Kazakhstan’s exports rose by 5 percent.", spans: [{ exact: "Kazakhstan’s exports rose by 5 percent" }], attribution: { kind: "indirect", personName: "Tokayev" }, status: "supported", rationale: "Customs data." },
  ], { title: "Exports up", publisher: "Astana Daily", publishedAt: "2025-03" }),
  line("<p>Old markup</p>", [], { title: "Empty source" }),
  line("The minister said the plant will open in May.", [{ text: "The plant opens in May.", spans: [{ exact: "the plant will open in June" }], attribution: { kind: "publication" } }]),
  JSON.stringify({ source: { html: "<html><head><title>Port</title></head><body><article><p>The port handled 2 million tonnes, officials said.</p></article></body></html>" }, claims: [{ text: "The port handled 2 million tonnes.", spans: [{ start: 0, end: 33 }], attribution: { kind: "publication" }, asOf: "2025" }] }),
];
const write = (name: string, lines: string[]) => {
  const f = path.join(dir, name);
  writeFileSync(f, lines.join("\n") + "\n");
  return f;
};
const cli = (...args: string[]) => spawnSync(process.execPath, [path.resolve("bin/verbatim.mjs"), "ingest", ...args], { encoding: "utf8", env: { ...process.env, DATABASE_URL: t.url } });

async function counts() {
  const [sources, claims, spans, people, reviews, edits, indexed] = await Promise.all([
    t.db.source.count(), t.db.claim.count(), t.db.span.count(), t.db.person.count(), t.db.review.count(), t.db.claimEdit.count(), indexRowCounts(t.db),
  ]);
  return { sources, claims, spans, people, reviews, edits, search: indexed.search ?? 0, match: indexed.match ?? 0 };
}

describe("npx verbatim ingest", () => {
  it("imports nothing when line 3 has a bad quote, and names the line", async () => {
    const before = await counts();
    // Saved with a byte-order mark, as some Windows tools do: not part of line 1's JSON.
    const r = cli(write("bad.jsonl", [`\uFEFF${LINES[0]}`, ...LINES.slice(1)]));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("line 3: claims.0.spans.0: The quote is not in the source.");
    expect(r.stderr).toContain("Nothing was imported: 1 of 4 lines are invalid");
    expect(await counts()).toEqual(before);
  });

  it("with --skip-invalid imports every other line, lists line 3, and a second run changes nothing", async () => {
    const before = await counts();
    const file = write("skip.jsonl", LINES);
    const r = cli(file, "--skip-invalid");
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^line 3: claims\.0\.spans\.0: The quote is not in the source\.$/m);
    expect(JSON.parse(r.stdout)).toMatchObject({ lines: 4, imported: 3, rejected: 1, sourcesCreated: 3, claimsCreated: 2, reviews: 1, peopleCreated: 0 });
    const after = await counts();
    expect(after).toEqual({ ...before, sources: before.sources + 3, claims: before.claims + 2, spans: before.spans + 2, reviews: before.reviews + 1, edits: before.edits + 2, search: before.search + 2, match: before.match + 2 });

    // Stored verbatim, attributed to the seeded Tokayev by his other spelling, with its verdict and history.
    const claim = await t.db.claim.findFirstOrThrow({
      where: { text: "Kazakhstan’s exports rose by 5 percent." },
      include: { spans: true, attribution: true, reviews: true, edits: true, source: true },
    });
    expect(claim.source).toMatchObject({ text: NBSP_TEXT, title: "Exports up", publisher: "Astana Daily", publishedAt: "2025-03", url: null, author: null });
    expect(claim.spans[0]).toMatchObject({ exact: "Kazakhstan’s exports rose by 5 percent", start: 28 });
    expect(claim.attribution).toMatchObject({ kind: "indirect", personId: "kassym-jomart-tokayev" });
    expect(claim).toMatchObject({ status: "supported", version: 2 });
    expect(claim.reviews[0]).toMatchObject({ fromStatus: "unreviewed", toStatus: "supported", rationale: "Customs data.", reviewerName: "verbatim ingest", version: 2 });
    expect(JSON.parse(claim.edits[0]!.changes)).toMatchObject({ created: { from: null, to: { text: claim.text } } });
    const port = await t.db.claim.findFirstOrThrow({ where: { text: "The port handled 2 million tonnes." }, include: { spans: true, source: true } });
    expect(port.source).toMatchObject({ title: "Port", metadataOrigin: JSON.stringify({ title: "html-title" }) });
    expect(port.spans[0]!.exact).toBe("The port handled 2 million tonnes");

    const again = cli(file, "--skip-invalid");
    expect(JSON.parse(again.stdout)).toMatchObject({ imported: 3, sourcesCreated: 0, sourcesExisting: 3, claimsCreated: 0, claimsExisting: 2, reviews: 0 });
    expect(await counts()).toEqual(after);
    expect((await verifyDatabase(t.db)).violations).toEqual([]);
  });

  it("refuses a file whose lines are not JSON or not the format, with their reasons", () => {
    const r = cli(write("junk.jsonl", ["not json", JSON.stringify({ source: { text: "x", html: "<p>x</p>" }, claims: [] }), JSON.stringify({ source: { text: "Fine." }, claims: [{ text: "Fine", spans: [{ exact: "Fine" }], attribution: { kind: "direct" } }] })]));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^line 1: not valid JSON/m);
    expect(r.stderr).toMatch(/^line 2: .*give exactly one of text .* or html/m);
    expect(r.stderr).toMatch(/^line 3: .*need a personId or personName/m);
  });
});

// SQLite has one writer: a write waits for an import's transaction, then gives up with 503.
// PostgreSQL's writers do not exclude each other (tests/postgres/concurrency.test.ts).
describe.runIf(process.env.VERBATIM_TEST_ENGINE !== "postgres")("another write during a long import (SQLite's one writer)", () => {
  it("waits, then answers 503 with Retry-After and writes nothing", async () => {
    const { POST: postLink } = await import("@/app/api/claims/[id]/links/route");
    const { default: Database } = await import("better-sqlite3");
    const holder = new Database(t.file);
    holder.exec("BEGIN IMMEDIATE"); // as an ingest's transaction holds the one write lock
    try {
      const before = await t.db.claimLink.count();
      const res = await postLink(
        new Request("http://verbatim.test/api/claims/toqaev-agreed-energy-partnership/links", {
          method: "POST", headers: { "content-type": "application/json", ...editor.auth }, body: JSON.stringify({ toClaimId: "rferl-cpc-black-sea-terminal", kind: "same-claim" }),
        }),
        { params: Promise.resolve({ id: "toqaev-agreed-energy-partnership" }) },
      );
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("5");
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("unavailable");
      holder.exec("ROLLBACK");
      expect(await t.db.claimLink.count()).toBe(before);
    } finally {
      if (holder.inTransaction) holder.exec("ROLLBACK");
      holder.close();
    }
  }, 20_000);
});

describe("POST /api/ingest", () => {
  const post = (body: string, headers: Record<string, string>, query = "") =>
    ingestRoute(new Request(`http://verbatim.test/api/ingest${query}`, { method: "POST", headers: { "content-type": "application/x-ndjson", ...headers }, body, duplex: "half" } as RequestInit), undefined);

  it("is for editors: 401 without a token, 403 for a reader", async () => {
    expect((await post(LINES[0]!, {})).status).toBe(401);
    expect((await post(LINES[0]!, reader.auth)).status).toBe(403);
  });
  it("answers 422 listing line 3 and imports nothing; with skipInvalid=true imports the rest", async () => {
    const fresh = [line("Ports reopened on Monday, the ministry said.", [{ text: "Ports reopened on Monday.", spans: [{ exact: "Ports reopened on Monday" }], attribution: { kind: "publication" } }]), LINES[1]!, LINES[2]!];
    const before = await counts();
    const refused = await post(fresh.join("\n"), editor.auth);
    expect(refused.status).toBe(422);
    const body = (await refused.json()) as { error: { details: { rejected: { line: number; message: string }[] } } };
    expect(body.error.details.rejected).toEqual([{ line: 3, message: "claims.0.spans.0: The quote is not in the source." }]);
    expect(await counts()).toEqual(before);

    const ok = await post(`\uFEFF${fresh.join("\r\n")}`, editor.auth, "?skipInvalid=true");
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ lines: 3, imported: 2, claimsCreated: 1, rejected: [{ line: 3 }] });
    const claim = await t.db.claim.findFirstOrThrow({ where: { text: "Ports reopened on Monday." }, include: { edits: true } });
    expect(claim.edits[0]).toMatchObject({ actorId: editor.id, actorName: "Erin Editor" });
  });
  it("answers 400 for an unknown parameter", async () => {
    expect((await post("", editor.auth, "?skip=1")).status).toBe(400);
  });
});
