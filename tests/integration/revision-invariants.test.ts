import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClaim } from "@/lib/claims/create-claim";
import { reviseSource } from "@/lib/revisions/revise-source";
import { createSource } from "@/lib/sources/create-source";
import { updateSource } from "@/lib/sources/update-source";
import { verifyDatabase } from "@/lib/verify/verify-database";
import { freshDatabase, type TestDatabase } from "../support/database";

// What the database itself guarantees for sources that change, whatever the app does:
// history and archives are never rewritten, a revision link is written once, a resolved
// source change stays resolved, the text never changes; `verbatim verify` re-checks it.
let t: TestDatabase;
let base = "";
let next = "";
const actor = { id: "u1", name: "Ida", email: "ida@example.org", role: "editor" as const, via: "token" as const };

beforeAll(async () => {
  t = await freshDatabase({ seed: false });
  base = (await createSource(t.db, { text: "Peskov said the talks were “frank”. Analysts were unsure." })).id;
  await createClaim(t.db, { sourceId: base, text: "Analysts were unsure.", spans: [{ exact: "Analysts were unsure." }], attribution: { kind: "publication" } });
  await updateSource(t.db, { actor, sourceId: base, input: { expectedVersion: 1, title: "Talks" } });
  next = (
    await reviseSource(t.db, {
      actor,
      sourceId: base,
      text: {
        text: "Peskov said the talks were “frank”.",
        archive: { warc: Buffer.from("warc"), requestedUrl: "https://x.example/", finalUrl: "https://x.example/", redirects: "[]", status: 200, contentType: "text/html", etag: null, lastModified: null, fetchedAt: new Date() },
      },
    })
  ).sourceId;
});
afterAll(() => t.cleanup());

const refused = async (sql: string, pattern: RegExp) => expect(t.db.$executeRawUnsafe(sql)).rejects.toThrow(pattern);

describe("revision invariants in the database", () => {
  it("refuses to rewrite history, archives, revision links, resolved changes or text", async () => {
    await refused(`UPDATE "SourceEdit" SET "actorName" = 'x'`, /VERBATIM_APPEND_ONLY/);
    await refused(`DELETE FROM "SourceEdit"`, /VERBATIM_APPEND_ONLY/);
    await refused(`UPDATE "SourceArchive" SET "status" = 500`, /VERBATIM_ARCHIVE_IMMUTABLE/);
    await refused(`UPDATE "Source" SET "revisionOf" = NULL WHERE "id" = '${next}'`, /VERBATIM_SOURCE_IMMUTABLE/);
    await refused(`UPDATE "Source" SET "text" = 'x' WHERE "id" = '${next}'`, /VERBATIM_SOURCE_IMMUTABLE/);
    await refused(`INSERT INTO "SourceEdit" ("id", "sourceId", "kind", "version", "changes", "actorName") VALUES ('e1', '${base}', 'other', 1, '{}', 'x')`, /CHECK|check constraint/);
    await t.db.$executeRawUnsafe(`UPDATE "SourceChange" SET "state" = 'stale'`);
    await refused(`UPDATE "SourceChange" SET "state" = 'open'`, /VERBATIM_APPEND_ONLY/);
    await refused(`INSERT INTO "Source" ("id", "text", "sha256", "length", "revisionOf") VALUES ('s2', 'abc', '${"0".repeat(64)}', 3, '${base}')`, /UNIQUE|unique constraint/);
  });

  it("verify reports a flag out of step with the source changes", async () => {
    await t.db.$executeRawUnsafe(`UPDATE "Claim" SET "sourceChanged" = TRUE`);
    const { violations } = await verifyDatabase(t.db);
    expect(violations).toEqual([expect.objectContaining({ entity: "claim", message: 'is flagged "source changed" with 0 open source changes' })]);
    await t.db.$executeRawUnsafe(`UPDATE "Claim" SET "sourceChanged" = FALSE`);
    expect((await verifyDatabase(t.db)).violations).toEqual([]);
  });
});
