import { toCslSourceItem } from "@/lib/export/source-entry";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as exportRoute } from "@/app/api/export/route";
import { resolveClaimFilter } from "@/lib/claims/claim-filter";
import type { ClaimDetail } from "@/lib/claims/get-claim";
import { type CitationClaim, iterateCitationBatches, iterateClaims } from "@/lib/claims/iterate-claims";
import { readDbFor } from "@/lib/db-read";
import { cslItemJsonWriter, toCslItem } from "@/lib/export/csl";
import { freshDatabase, type TestDatabase, useAsAppDatabase } from "../support/database";

// The bulk CSL-JSON export reads lean CitationClaims (one statement per batch) instead of
// full ClaimDetails: they must be the same claims, in the same order, with the same
// spans (also for spans that share a start), speaker and latest review, so that the
// exported bytes are those of toCslItem on the full claims.
let t: TestDatabase;
const BASE = "http://verbatim.test";

/** The seeded database plus spans sharing a start, a span inserted before the others, and reviews sharing a time. */
async function addEdgeCases(db: TestDatabase["db"]): Promise<void> {
  const claims = await db.claim.findMany({ include: { spans: { orderBy: { start: "asc" } }, source: { select: { text: true } } } });
  const multi = claims.find((c) => c.spans.length >= 2)!;
  const cps = Array.from(multi.source.text);
  const span = (id: string, start: number, end: number) => ({
    id,
    claimId: multi.id,
    sourceId: multi.sourceId,
    start,
    end,
    exact: cps.slice(start, end).join(""),
    prefix: cps.slice(Math.max(start - 32, 0), start).join(""),
    suffix: cps.slice(end, end + 32).join(""),
  });
  const second = multi.spans[1]!;
  // Same start as the second span (a later rowid, a smaller id), then one before all of them.
  await db.span.create({ data: span("0-same-start", second.start, second.start + 3) });
  await db.span.create({ data: span("1-first", 0, 4) });
  const reviewed = claims.find((c) => c.status === "unreviewed")!;
  const at = new Date("2026-01-02T03:04:05.678Z");
  for (const id of ["z-review", "a-review"]) {
    await db.review.create({ data: { id, claimId: reviewed.id, fromStatus: "unreviewed", toStatus: "supported", reviewerName: "Tester", createdAt: at } });
  }
}

beforeAll(async () => {
  t = await freshDatabase();
  useAsAppDatabase(t);
  await addEdgeCases(t.db);
});
afterAll(() => t.cleanup());

const lean = (c: ClaimDetail): CitationClaim => ({
  id: c.id,
  text: c.text,
  status: c.status,
  source: c.source,
  spans: c.spans.map(({ start, end, exact, prefix, suffix }) => ({ start, end, exact, prefix, suffix })),
  attribution: c.attribution && { kind: c.attribution.kind, role: c.attribution.role, person: c.attribution.person && { name: c.attribution.person.name } },
  reviews: c.reviews.slice(-1).map((r) => ({ createdAt: r.createdAt })),
});

async function collect<T>(it: AsyncIterable<T[]>): Promise<T[]> {
  const out: T[] = [];
  for await (const batch of it) out.push(...batch);
  return out;
}

describe("iterateCitationBatches", () => {
  const filters = [{}, { status: "supported" as const }, { status: "unreviewed" as const }, { person: "kassym-jomart-tokayev" }, { source: "rferl-toqaev-moscow" }];

  it.each(filters)("reads what iterateClaims reads, in its order, at any batch size (%o)", async (filter) => {
    const read = readDbFor(t.url);
    const resolved = await resolveClaimFilter(t.db, filter);
    const details: ClaimDetail[] = [];
    for await (const c of iterateClaims(read, resolved)) details.push(c);
    expect(details.length).toBeGreaterThan(0);
    for (const batchSize of [1, 7, 1000]) {
      const citations = await collect(iterateCitationBatches(read, resolved, batchSize));
      expect(citations).toEqual(details.map(lean));
      const write = cslItemJsonWriter({ baseUrl: BASE });
      citations.forEach((c, i) => expect(write(c)).toBe(JSON.stringify(toCslItem(details[i]!, { baseUrl: BASE }))));
    }
  });

  it("covers the edge cases it was given", async () => {
    const all = await collect(iterateCitationBatches(readDbFor(t.url), {}, 5));
    const tied = all.find((c) => c.spans.length >= 4)!;
    expect(tied.spans[0]!.start).toBe(0);
    expect(tied.spans[2]!.start).toBe(tied.spans[3]!.start);
    expect(tied.spans[3]!.exact.length).toBeLessThan(tied.spans[2]!.exact.length);
    expect(all.some((c) => c.reviews[0]?.createdAt === "2026-01-02T03:04:05.678Z")).toBe(true);
    // Claims of one source share one source object.
    const bySource = new Map<string, CitationClaim["source"]>();
    for (const c of all) expect(bySource.get(c.source.id) ?? bySource.set(c.source.id, c.source).get(c.source.id)).toBe(c.source);
  });

  it("makes the route stream exactly the compact JSON array of one toCslSourceItem per source (its claims newest first)", async () => {
    const details: ClaimDetail[] = [];
    for await (const c of iterateClaims(readDbFor(t.url), {})) details.push(c);
    const bySource = new Map<string, ClaimDetail[]>();
    for (const c of details) bySource.set(c.source.id, [...(bySource.get(c.source.id) ?? []), c]);
    const items = [...bySource.keys()].sort().map((id) => toCslSourceItem(bySource.get(id)!, { baseUrl: BASE }));
    const expected = `[\n${items.map((i) => `  ${JSON.stringify(i)}`).join(",\n")}\n]\n`;
    const res = await exportRoute(new Request(`${BASE}/api/export?format=csl-json`), undefined);
    expect(await res.text()).toBe(expected);
  });
});
