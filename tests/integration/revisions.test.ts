import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getClaimRoute } from "@/app/api/claims/[id]/route";
import { GET as getSourceChangeRoute, POST as resolveRoute } from "@/app/api/claims/[id]/source-change/route";
import { GET as listClaimsRoute } from "@/app/api/claims/route";
import { PATCH as patchSourceRoute } from "@/app/api/sources/[id]/route";
import { GET as listRevisionsRoute, POST as postRevisionRoute } from "@/app/api/sources/[id]/revisions/route";
import { POST as postSource } from "@/app/api/sources/route";
import type { Actor } from "@/lib/auth/actor";
import { addClaim } from "@/lib/claims/add-claim";
import { reviewQueue } from "@/lib/reviews/review-queue";
import { refreshSources } from "@/lib/revisions/refresh-sources";
import { verifyDatabase } from "@/lib/verify/verify-database";
import { readDbFor } from "@/lib/db-read";
import { listRevisions } from "@/lib/revisions/list-revisions";
import { readRevisions } from "@/lib/revisions/read-revisions";
import { getSourceRecord } from "@/lib/sources/get-source-record";
import { readSourceRecord } from "@/lib/sources/read-source-record";
import { createTestActor, jsonRequest, type TestActor } from "../support/actors";
import { freshDatabase, type TestDatabase, useAsAppDatabase } from "../support/database";
import { articlePage, type FixtureSite, startFixtureSite } from "../support/fixture-site";

// A source that changes, end to end through the API: added by URL, its details edited,
// revised (claims carried or flagged), flags resolved, and `refresh` with conditional GET.
let t: TestDatabase;
let editor: TestActor;
let actor: Actor;
let site: FixtureSite;
const served = { etag: '"v1"', paragraphs: [] as string[] };
const B = "http://verbatim.test";
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });

const PESKOV = "Kremlin spokesman Dmitry Peskov said the talks were “substantive and frank.”";
const CPC = "Kazakhstan remains heavily reliant on oil exports through the CPC pipeline, which passes through southern Russia.";
const ANALYSTS = "Analysts said the visit had been planned for months and would be followed by talks in Moscow next spring.";

beforeAll(async () => {
  process.env.VERBATIM_FETCH_ALLOW_PRIVATE = "1";
  t = await freshDatabase({ seed: false });
  useAsAppDatabase(t);
  editor = await createTestActor(t.db, "editor", "Edna Editor");
  actor = { id: editor.id, name: "Edna Editor", email: editor.email, role: "editor", via: "token" };
  site = await startFixtureSite();
  served.paragraphs = [PESKOV, CPC, ANALYSTS];
  site.pages.set("/story", (req) =>
    req.headers["if-none-match"] === served.etag
      ? { status: 304, body: "", headers: { ETag: served.etag } }
      : { body: articlePage(served.paragraphs, "<title>Putin in Astana</title>"), headers: { ETag: served.etag } },
  );
});
afterAll(async () => {
  delete process.env.VERBATIM_FETCH_ALLOW_PRIVATE;
  await site.close();
  await t.cleanup();
});

type Json = Record<string, unknown> & { error?: { code: string; message: string; details?: Record<string, unknown> } };
const call = async (res: Response) => ({ status: res.status, body: (await res.json()) as Json });
const claimJson = async (id: string) => (await call(await getClaimRoute(new Request(`${B}/api/claims/${id}`), ctx(id)))).body as Json & {
  sourceChanged: boolean; version: number; status: string; source: { id: string }; spans: { exact: string; start: number; end: number }[];
  edits: { kind: string; changes: Record<string, unknown> }[]; sourceChange: { spans: { status: string; new?: { exact: string } }[] } | null;
};
const resolve = async (id: string, body: unknown) => call(await resolveRoute(jsonRequest(`${B}/api/claims/${id}/source-change`, "POST", body, editor.auth), ctx(id)));

describe("a source that changes", () => {
  let first = "";
  let second = "";
  const claims: Record<"peskov" | "cpc" | "analysts", string> = { peskov: "", cpc: "", analysts: "" };

  it("is added by URL, with claims on it", async () => {
    const added = await call(await postSource(jsonRequest(`${B}/api/sources`, "POST", { url: `${site.origin}/story` }, editor.auth), undefined));
    expect(added.status).toBe(201);
    first = (added.body.source as { id: string }).id;
    const add = async (text: string, exact: string) =>
      (await addClaim(t.db, { actor, input: { sourceId: first, text, spans: [{ exact }], attribution: { kind: "publication" } } })).id;
    claims.peskov = await add("Peskov called the talks substantive.", "substantive and frank.");
    claims.cpc = await add("Kazakhstan relies on the CPC pipeline.", "heavily reliant on oil exports through the CPC pipeline");
    claims.analysts = await add("The visit was long planned.", "the visit had been planned for months");
  });

  it("has details an editor edits at a version, with their history; never its text", async () => {
    const edit = (body: unknown, auth = editor.auth) => patchSourceRoute(jsonRequest(`${B}/api/sources/${first}`, "PATCH", body, auth), ctx(first));
    const ok = await call(await edit({ expectedVersion: 1, publisher: "The Times of Central Asia", author: "Aigerim Seitkali", language: "en" }));
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ version: 2, publisher: "The Times of Central Asia", author: "Aigerim Seitkali", metadataOrigin: { publisher: "editor", author: "editor", title: "html-title", language: "html-lang" } });
    expect(ok.body.history).toEqual([
      expect.objectContaining({ kind: "edit", version: 2, actorName: "Edna Editor", changes: { publisher: { from: null, to: "The Times of Central Asia" }, author: { from: null, to: "Aigerim Seitkali" } } }),
    ]);
    const stale = await call(await edit({ expectedVersion: 1, title: "Another title" }));
    expect(stale.status).toBe(409);
    expect(stale.body.error?.details).toMatchObject({ expectedVersion: 1, currentVersion: 2, changes: [expect.objectContaining({ version: 2, kind: "edit" })] });
    expect((await call(await edit({ expectedVersion: 2, publisher: "The Times of Central Asia" }))).body.error?.message).toMatch(/Nothing to change/);
    const text = await call(await edit({ expectedVersion: 2, text: "Another text" }));
    expect(text.status).toBe(422);
    expect(text.body.error?.message).toMatch(/text/);
    const reader = await createTestActor(t.db, "reader");
    expect((await edit({ expectedVersion: 2, title: "x" }, reader.auth)).status).toBe(403);
    const rep = await call(await edit({ expectedVersion: 2, republishedFrom: { publisher: "The Caspian Post", url: "ftp://x" } }));
    expect(rep.status).toBe(422);
    expect((await t.db.source.findUniqueOrThrow({ where: { id: first } })).version).toBe(2);
  });

  it("gets a revision: unchanged quotes carried, changed and vanished ones flagged, nothing re-pointed silently", async () => {
    served.etag = '"v2"';
    served.paragraphs = ["Putin arrived in Astana on Wednesday.", PESKOV, CPC.replace("heavily", "largely"), "Officials gave no further details."];
    const revised = await call(await postRevisionRoute(jsonRequest(`${B}/api/sources/${first}/revisions`, "POST", { fetch: true }, editor.auth), ctx(first)));
    expect(revised.status).toBe(201);
    second = revised.body.sourceId as string;
    expect(revised.body).toMatchObject({ revisionOf: first, archived: true, reanchor: { carried: [claims.peskov] } });
    expect([...(revised.body.reanchor as { flagged: string[] }).flagged].sort()).toEqual([claims.cpc, claims.analysts].sort());

    const chain = await call(await listRevisionsRoute(new Request(`${B}/api/sources/${second}/revisions`), ctx(second)));
    expect((chain.body.items as { id: string; number: number; latest: boolean }[]).map((r) => [r.id, r.number, r.latest])).toEqual([[first, 1, false], [second, 2, true]]);
    const again = await call(await postRevisionRoute(jsonRequest(`${B}/api/sources/${first}/revisions`, "POST", { text: "Something else." }, editor.auth), ctx(first)));
    expect(again.status).toBe(409);
    expect(again.body.error?.details).toEqual({ newestRevisionId: second });

    const peskov = await claimJson(claims.peskov);
    expect(peskov).toMatchObject({ sourceChanged: false, source: { id: second }, version: 2, sourceChange: null });
    expect(peskov.spans[0]!.exact).toBe("substantive and frank.");
    expect(peskov.edits.at(-1)).toMatchObject({ kind: "source-revision", changes: { source: { from: first, to: second } } });

    const cpc = await claimJson(claims.cpc);
    expect(cpc).toMatchObject({ sourceChanged: true, source: { id: first }, version: 1 });
    expect(cpc.sourceChange?.spans).toEqual([expect.objectContaining({ status: "changed", new: expect.objectContaining({ exact: "largely reliant on oil exports through the CPC pipeline" }) })]);
    const analysts = await claimJson(claims.analysts);
    expect(analysts.sourceChange?.spans).toEqual([expect.objectContaining({ status: "orphaned" })]);

    const queue = await reviewQueue(t.db, { sourceChanged: "true" });
    expect(queue.items.map((i) => i.id).sort()).toEqual([claims.cpc, claims.analysts].sort());
    const listed = await call(await listClaimsRoute(new Request(`${B}/api/claims?sourceChanged=true`), undefined));
    expect((listed.body.items as { id: string }[]).map((i) => i.id).sort()).toEqual([claims.cpc, claims.analysts].sort());
    expect((await getSourceChangeRoute(new Request(`${B}/api/claims/${claims.peskov}/source-change`), ctx(claims.peskov))).status).toBe(404);
  });

  it("is resolved by an editor: confirm the new wording, or mark the claim stale; each once, at a version", async () => {
    expect((await resolve(claims.cpc, { action: "confirm", expectedVersion: 9 })).status).toBe(422);
    const confirmed = await resolve(claims.cpc, { action: "confirm", expectedVersion: 1 });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ sourceChanged: false, source: { id: second }, version: 2 });
    expect((confirmed.body.spans as { exact: string }[])[0]!.exact).toBe("largely reliant on oil exports through the CPC pipeline");
    expect((confirmed.body.edits as { changes: Record<string, unknown> }[]).at(-1)!.changes).toMatchObject({
      source: { from: first, to: second },
      spans: { from: [expect.objectContaining({ exact: "heavily reliant on oil exports through the CPC pipeline" })] },
    });
    expect((await resolve(claims.cpc, { action: "confirm", expectedVersion: 2 })).status).toBe(409);

    const orphan = await resolve(claims.analysts, { action: "confirm", expectedVersion: 1 });
    expect(orphan.status).toBe(422);
    expect(orphan.body.error?.message).toMatch(/not found in the new revision/);
    expect((await resolve(claims.analysts, { action: "stale", expectedVersion: 1, rationale: "  " })).status).toBe(422);
    const stale = await resolve(claims.analysts, { action: "stale", expectedVersion: 1, rationale: "The article no longer says the visit was long planned." });
    expect(stale.status).toBe(200);
    expect(stale.body).toMatchObject({ status: "stale", sourceChanged: false, source: { id: first } });
    expect((stale.body.reviews as { evidence: unknown[] }[]).at(-1)!.evidence).toEqual([expect.objectContaining({ type: "source", sourceId: second })]);
    const states = await t.db.sourceChange.findMany({ select: { claimId: true, state: true, resolvedByName: true } });
    expect(states.map((s) => [s.claimId, s.state, s.resolvedByName]).sort()).toEqual([[claims.analysts, "stale", "Edna Editor"], [claims.cpc, "confirmed", "Edna Editor"]].sort());
    expect((await verifyDatabase(t.db)).violations).toEqual([]);
  });

  it("is refreshed with a conditional GET: 304 and an unchanged text record nothing; a changed text is a revision", async () => {
    expect(await refreshSources(t.db)).toEqual([{ source: second, result: "not-modified" }]);
    expect(site.requests.at(-1)!.headers["if-none-match"]).toBe('"v2"');
    served.etag = '"v3"'; // same text, new validator
    expect(await refreshSources(t.db, { sourceId: first })).toEqual([{ source: second, result: "unchanged" }]);
    served.etag = '"v4"';
    served.paragraphs = [PESKOV, "Officials gave no further details."];
    const [out] = await refreshSources(t.db);
    expect(out).toMatchObject({ source: second, result: "revised", carried: 1, flagged: 1 });
    expect(await t.db.source.count()).toBe(3);
    expect((await verifyDatabase(t.db)).violations).toEqual([]);
  });

  it("reads the same record and revision chain on the pages' read connection as through Prisma", async () => {
    const read = readDbFor(t.url);
    const ids = (await t.db.source.findMany({ select: { id: true } })).map((s) => s.id);
    expect(ids.length).toBe(3);
    for (const id of ids) {
      expect(await readSourceRecord(read, id)).toEqual(await getSourceRecord(t.db, id));
      expect(await readRevisions(read, id)).toEqual(await listRevisions(t.db, id));
    }
    const single = (await t.db.source.create({ data: { id: "lonely", text: "Alone.", sha256: "f".repeat(64), length: 6 } })).id;
    expect(await readRevisions(read, single)).toEqual(await listRevisions(t.db, single));
  });
});
