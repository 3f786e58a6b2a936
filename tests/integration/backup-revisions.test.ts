import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportDump } from "@/lib/backup/export-dump";
import { DUMP_ORDER } from "@/lib/backup/format";
import { importDump } from "@/lib/backup/import-dump";
import { createClaim } from "@/lib/claims/create-claim";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { reviseSource } from "@/lib/revisions/revise-source";
import { createSource } from "@/lib/sources/create-source";
import { updateSource } from "@/lib/sources/update-source";
import { freshDatabase, type TestDatabase } from "../support/database";

// Backup format version 6 carries sources that change: metadata history, republication,
// revision links, archives and source changes; dump → import → dump is byte-identical.
let src: TestDatabase;
let lines: string[];
const actor = { id: "user-1", name: "Édith Éditrice", email: "e@example.org", role: "editor" as const, via: "token" as const };

async function dump(db: Db): Promise<string[]> {
  const out: string[] = [];
  await exportDump(db, (l) => void out.push(l));
  return out;
}

beforeAll(async () => {
  src = await freshDatabase({ seed: false });
  const base = (await createSource(src.db, { text: "Officials said the pipeline “carries most exports”. Critics said “it is fragile”.", title: "Revision base" })).id;
  const carried = await createClaim(src.db, { sourceId: base, text: "Most exports use the pipeline.", spans: [{ exact: "carries most exports" }], attribution: { kind: "publication" } });
  const flagged = await createClaim(src.db, { sourceId: base, text: "Critics call it fragile.", spans: [{ exact: "it is fragile" }], attribution: { kind: "publication" } });
  await updateSource(src.db, { actor, sourceId: base, input: { expectedVersion: 1, publisher: "Example News", republishedFrom: { publisher: "The Times of Central Asia", date: "2024-12" } } });
  const revision = await reviseSource(src.db, {
    actor,
    sourceId: base,
    text: {
      text: "Officials said on Monday the pipeline “carries most exports”. Critics disagreed.",
      archive: {
        warc: Buffer.from("WARC/1.1\r\nWARC-Type: warcinfo\r\n\r\n"),
        requestedUrl: "https://news.example/a",
        finalUrl: "https://news.example/a?b=1",
        redirects: JSON.stringify([{ url: "https://news.example/a", status: 301, location: "https://news.example/a?b=1" }]),
        status: 200,
        contentType: "text/html; charset=utf-8",
        etag: '"abc"',
        lastModified: null,
        fetchedAt: new Date("2024-12-04T08:00:00.000Z"),
      },
    },
  });
  expect(revision.reanchor).toEqual({ carried: [carried.id], flagged: [flagged.id] });
  lines = await dump(src.db);
});
afterAll(() => src.cleanup());

/** `body` with an end record that matches it, so a test sees only the problem it made. */
function signed(body: string[]): string[] {
  const records = Object.fromEntries(DUMP_ORDER.map((t) => [t, 0]));
  for (const l of body.slice(1)) records[(JSON.parse(l) as { type: string }).type]!++;
  const sha256 = createHash("sha256").update(body.map((l) => `${l}\n`).join(""), "utf8").digest("hex");
  return [...body, JSON.stringify({ type: "verbatim-backup-end", records, lines: body.length, sha256 })];
}

const records = () => lines.slice(1, -1).map((l) => JSON.parse(l) as Record<string, unknown> & { type: string; id: string });

describe("backup of sources that change", () => {
  it("writes the new records and source fields", () => {
    const r = records();
    const revised = r.find((x) => x.type === "source" && x.revisionOf !== null)!;
    expect(revised).toMatchObject({
      version: 1,
      republishedFrom: { publisher: "The Times of Central Asia", title: null, url: null, date: "2024-12" },
      metadataOrigin: { publisher: "editor", republishedFrom: "editor", retrievedAt: "fetch" },
    });
    expect(r.find((x) => x.type === "archive")).toMatchObject({ id: revised.id, etag: '"abc"', fetchedAt: "2024-12-04T08:00:00.000Z", warc: Buffer.from("WARC/1.1\r\nWARC-Type: warcinfo\r\n\r\n").toString("base64") });
    expect(r.filter((x) => x.type === "sourceEdit").map((x) => x.kind).sort()).toEqual(["edit", "revision", "revision"]);
    expect(r.find((x) => x.type === "sourceChange")).toMatchObject({ state: "open", toSourceId: revised.id });
    expect([...new Set(r.map((x) => x.type))]).toEqual(["source", "sourceEdit", "archive", "claim", "edit", "sourceChange"]);
  });

  it("reproduces the database exactly, the flag recomputed from the open source change", async () => {
    const copy = await freshDatabase({ seed: false });
    try {
      const summary = await importDump(copy.db, lines);
      expect(summary).toMatchObject({ sources: 2, sourceEdits: 3, archives: 1, sourceChanges: 1 });
      expect(await dump(copy.db)).toEqual(lines);
      expect(await copy.db.claim.count({ where: { sourceChanged: true } })).toBe(1);
      expect(Buffer.from((await copy.db.sourceArchive.findFirstOrThrow()).warc).toString()).toBe("WARC/1.1\r\nWARC-Type: warcinfo\r\n\r\n");
    } finally {
      await copy.cleanup();
    }
  });

  it.each([
    ["a revision of a source not in the backup", (r: Record<string, unknown>) => (r.type === "source" && r.revisionOf !== null ? { ...r, revisionOf: "nowhere" } : r), /revisionOf "nowhere" is not a source in this backup/],
    ["revision links in a circle", (r: Record<string, unknown>, ids: string[]) => (r.type === "source" && r.revisionOf === null ? { ...r, revisionOf: ids.find((i) => i !== r.id) } : r), /revision links go round in a circle/],
    ["an archive of no source", (r: Record<string, unknown>) => (r.type === "archive" ? { ...r, id: "zzzz-no-source" } : r), /archive zzzz-no-source: "zzzz-no-source" is not a source/],
    ["a source change of an unknown claim", (r: Record<string, unknown>) => (r.type === "sourceChange" ? { ...r, claimId: "no-claim" } : r), /claimId "no-claim" is not a claim/],
  ])("refuses %s and writes nothing", async (_name, edit, message) => {
    const ids = records().filter((r) => r.type === "source").map((r) => r.id);
    const body = [lines[0]!, ...records().map((r) => JSON.stringify(edit(r, ids)))];
    const target = await freshDatabase({ seed: false });
    try {
      const err = await importDump(target.db, signed(body)).then(() => null, (e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).message).toMatch(message);
      expect(await target.db.source.count()).toBe(0);
    } finally {
      await target.cleanup();
    }
  });
});
