import { toCslSourceItem } from "@/lib/export/source-entry";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as citeRoute } from "@/app/api/claims/[id]/cite/route";
import { GET as exportRoute } from "@/app/api/export/route";
import { getClaim } from "@/lib/claims/get-claim";
import { getClaimWithSourceText } from "@/lib/claims/get-claim-with-source-text";
import { resolveClaimFilter } from "@/lib/claims/claim-filter";
import { iterateClaims } from "@/lib/claims/iterate-claims";
import { readDbFor } from "@/lib/db-read";
import { toAnnotationCollection } from "@/lib/export/annotation";
import { toCslItem } from "@/lib/export/csl";
import { cslErrors } from "@/lib/export/csl-validate";
import { FORMAT_IDS } from "@/lib/export/formats";
import { BULK_FORMAT_IDS } from "@/lib/export/schemas";
import { freshDatabase, type TestDatabase, useAsAppDatabase } from "../support/database";

// The export API on a real, seeded SQLite file: every format for every seeded claim,
// and the bulk export of filtered sets.
let t: TestDatabase;
let claimIds: string[];
beforeAll(async () => {
  t = await freshDatabase();
  useAsAppDatabase(t);
  claimIds = (await t.db.claim.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((c) => c.id);
});
afterAll(() => t.cleanup());

const BASE = "http://verbatim.test";
const cite = (id: string, query: string) => citeRoute(new Request(`${BASE}/api/claims/${id}/cite${query}`), { params: Promise.resolve({ id }) });
const bulk = (query: string) => exportRoute(new Request(`${BASE}/api/export${query}`), undefined);

describe("GET /api/claims/{id}/cite", () => {
  it("renders every format for every seeded claim (ClaimReview only for real reviews: the seeds' are demos)", async () => {
    const reviewed = new Set((await t.db.claim.findMany({ where: { status: { not: "unreviewed" }, reviews: { some: { isDemo: false } } }, select: { id: true } })).map((c) => c.id));
    for (const id of claimIds) {
      for (const format of FORMAT_IDS) {
        const res = await cite(id, `?format=${format}`);
        if (format === "claimreview" && !reviewed.has(id)) {
          expect(res.status, `${id} ${format}`).toBe(422);
          continue;
        }
        expect(res.status, `${id} ${format}`).toBe(200);
        const body = await res.text();
        expect(body.length).toBeGreaterThan(20);
        if (format === "csl-json") expect(cslErrors(JSON.parse(body))).toEqual([]);
        if (format.endsWith("json") || format === "annotation" || format === "claimreview") JSON.parse(body);
        if (["markdown", "text"].includes(format)) expect(body).toContain(`${BASE}/claims/${id}`);
      }
    }
  });

  it("renders the citation styles as HTML on request", async () => {
    const res = await cite("rferl-cpc-80-percent-oil-exports", "?format=apa&html=true");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
    expect(await res.text()).toMatch(/<div|<i>|<span/);
  });

  it("answers 400 listing the valid formats for an unknown or missing format, and 404 for an unknown claim", async () => {
    const unknown = await cite("rferl-cpc-80-percent-oil-exports", "?format=word");
    expect(unknown.status).toBe(400);
    const body = await unknown.json();
    expect(body.error.code).toBe("bad_request");
    for (const f of FORMAT_IDS) expect(body.error.message).toContain(f);
    expect((await cite("rferl-cpc-80-percent-oil-exports", "")).status).toBe(400);
    expect((await cite("no-such-claim", "?format=bibtex")).status).toBe(404);
  });
});

describe("GET /api/export", () => {
  it("exports the filtered set as CSL-JSON, schema-valid, with a file name", async () => {
    const res = await bulk("?format=csl-json&source=caspian-post-putin-kazakhstan");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="verbatim-claims-\d{4}-\d{2}-\d{2}-csl-json\.json"$/);
    // One reference per source, holding every exported claim of it.
    const items = JSON.parse(await res.text()) as { id: string; custom: { verbatim: { claims: { claimId: string }[] } } }[];
    expect(items.map((i) => i.id)).toEqual(["caspian-post-putin-kazakhstan"]);
    expect(items[0]!.custom.verbatim.claims).toHaveLength(await t.db.claim.count({ where: { sourceId: "caspian-post-putin-kazakhstan" } }));
    expect(cslErrors(items)).toEqual([]);
  });

  it("exports every bulk format for a status filter, one record per claim", async () => {
    const count = await t.db.claim.count({ where: { status: "supported" } });
    expect(count).toBeGreaterThan(0);
    for (const format of BULK_FORMAT_IDS) {
      const res = await bulk(`?format=${format}&status=supported`);
      expect(res.status, format).toBe(200);
      const bytes = Buffer.from(await res.arrayBuffer());
      const text = bytes.toString("utf8");
      // The reference formats hold one entry per source (its claims inside); the others one record per claim.
      const sources = (await t.db.claim.findMany({ where: { status: "supported" }, distinct: ["sourceId"], select: { sourceId: true } })).length;
      switch (format) {
        case "csl-json": {
          const items = JSON.parse(text) as { custom: { verbatim: { claims: unknown[] } } }[];
          expect(items).toHaveLength(sources);
          expect(items.reduce((n, i) => n + i.custom.verbatim.claims.length, 0)).toBe(count);
          break;
        }
        case "claimreview":
          // The seeded verdicts are demo reviews: never published as ratings.
          expect(JSON.parse(text)).toHaveLength(await t.db.claim.count({ where: { status: "supported", reviews: { some: { isDemo: false } } } }));
          break;
        case "annotation": {
          const collection = JSON.parse(text);
          expect(collection).toMatchObject({ type: "AnnotationCollection", total: count });
          expect(collection.first.items).toHaveLength(count);
          expect(collection.id).toBe(`${BASE}/api/export?format=annotation&status=supported`);
          break;
        }
        case "csv":
          expect(text.split("\r\n").filter(Boolean)).toHaveLength(count + 1);
          // UTF-8 with a byte-order mark, so Excel reads curly quotes and accents.
          expect(bytes.subarray(0, 3).toString("hex")).toBe("efbbbf");
          expect(text.startsWith('\uFEFF"claim_id","permalink"')).toBe(true);
          break;
        case "ris":
          expect(text.match(/^TY  - /gm)).toHaveLength(sources);
          // CRLF everywhere, and every record closed by "ER  - " (its space included).
          expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
          expect(text.match(/^ER  - \r$/gm)).toHaveLength(sources);
          expect(text.match(/^N1  - /gm)).toHaveLength(count);
          break;
        default:
          expect(text.match(/^@\w+\{/gm)).toHaveLength(sources);
      }
    }
  });

  it("streams exactly the AnnotationCollection and CSL-JSON that the reference builders produce", async () => {
    const claims = [];
    for await (const c of iterateClaims(readDbFor(t.url), await resolveClaimFilter(t.db, { person: "kassym-jomart-tokayev" }))) claims.push(c);
    const id = `${BASE}/api/export?format=annotation&person=kassym-jomart-tokayev`;
    const streamed = JSON.parse(await (await bulk("?format=annotation&person=kassym-jomart-tokayev")).text());
    expect(streamed).toEqual(toAnnotationCollection(claims, { baseUrl: BASE }, { id, label: "Verbatim claims" }));
    const csl = JSON.parse(await (await bulk("?format=csl-json&person=kassym-jomart-tokayev")).text());
    const bySource = new Map<string, typeof claims>();
    for (const c of claims) bySource.set(c.source.id, [...(bySource.get(c.source.id) ?? []), c]);
    expect(csl).toEqual([...bySource.keys()].sort().map((id) => toCslSourceItem(bySource.get(id)!, { baseUrl: BASE })));
  });

  it("reads claims in bulk exactly as getClaim does, for every claim, across batch boundaries", async () => {
    const bulkRead = [];
    for await (const c of iterateClaims(readDbFor(t.url), {}, 7)) bulkRead.push(c);
    expect(bulkRead.map((c) => c.id)).toEqual((await t.db.claim.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true } })).map((c) => c.id));
    for (const c of bulkRead) {
      const viaPrisma = await getClaim(t.db, c.id);
      expect(c).toEqual(viaPrisma);
      // The claim page's reader too, with the source's exact text.
      const page = await getClaimWithSourceText(readDbFor(t.url), c.id);
      expect(page.claim).toEqual(viaPrisma);
      expect(page.sourceText).toBe((await t.db.source.findUniqueOrThrow({ where: { id: c.source.id } })).text);
    }
    await expect(getClaimWithSourceText(readDbFor(t.url), "no-such-claim")).rejects.toThrow(/No claim/);
  });

  it("exports an empty set validly", async () => {
    const res = await bulk("?format=annotation&person=vlad-paddack&status=stale");
    expect(JSON.parse(await res.text())).toMatchObject({ type: "AnnotationCollection", total: 0 });
    expect(JSON.parse(await (await bulk("?format=csl-json&person=vlad-paddack&status=stale")).text())).toEqual([]);
  });

  it("names each format's file distinctly, and leaves the CSV byte-order mark out on request", async () => {
    const names = new Set<string>();
    for (const format of ["csl-json", "bibtex", "biblatex", "ris", "claimreview", "annotation", "csv"]) {
      const res = await bulk(`?format=${format}&status=supported`);
      names.add(res.headers.get("content-disposition")!);
      await res.text();
    }
    expect(names.size).toBe(7);
    const plain = Buffer.from(await (await bulk("?format=csv&bom=false&status=supported")).arrayBuffer());
    expect(plain.subarray(0, 10).toString("utf8")).toBe('"claim_id"');
  });

  it("keeps quotes verbatim in CSV, with RFC 4180 quoting", async () => {
    const text = await (await bulk("?format=csv&source=rferl-toqaev-moscow")).text();
    expect(text).toContain("detials");
    expect(text).toContain('"That\'s good for Kazakh sovereignty and therefore US interests overall"');
  });

  it.each([["?format=pdf", /valid formats: csl-json/], ["", /format is required/], ["?format=csv&person=nobody", /person/], ["?format=csv&status=maybe", /status/], ["?format=csv&x=1", /Unrecognized|x/]])(
    "answers 400 for %s",
    async (query, message) => {
      const res = await bulk(query);
      expect(res.status).toBe(400);
      expect((await res.json()).error.message).toMatch(message);
    },
  );
});
