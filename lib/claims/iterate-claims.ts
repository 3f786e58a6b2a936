// Every claim matching a filter, for the bulk export, read in keyset batches: as full
// ClaimDetails (through lib/claims/read-claims.ts) or, for citations, as the lean
// CitationClaims that CSL-JSON needs. Both in the same order: newest first
// (createdAt desc, id desc), the order of the claims list.
import { inList, type ReadDb, sqlTrue } from "../db-read";
import { parseRepublishedFrom } from "../sources/republished";
import type { ResolvedClaimFilter } from "./claim-filter";
import type { ClaimDetail } from "./get-claim";
import { CLAIM_ROW_SQL, type ClaimRow, claimDetails, iso, SOURCE_ROW_SQL, type SourceRow } from "./read-claims";

export type Cursor = { createdAt: unknown; id: string };

/**
 * The filter and keyset predicate of a batch (claims `c`, attributions `a`), shared by the
 * full and the citation readers so both walk the same claims in the same order.
 */
export function batchWhere(read: ReadDb, f: ResolvedClaimFilter, after: Cursor | undefined): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.status) (where.push(`c."status" = ?`), params.push(f.status));
  if (f.personId) (where.push(`a."personId" = ?`), params.push(f.personId));
  if (f.sourceId) (where.push(`c."sourceId" = ?`), params.push(f.sourceId));
  if (f.changedSinceVerdict) where.push(`c."changedSinceVerdict" = ${sqlTrue(read)}`);
  if (f.sourceChanged) where.push(`c."sourceChanged" = ${sqlTrue(read)}`);
  if (after) {
    where.push(`c."createdAt" <= ? AND (c."createdAt" < ? OR (c."createdAt" = ? AND c."id" < ?))`);
    params.push(after.createdAt, after.createdAt, after.createdAt, after.id);
  }
  return { where, params };
}

/**
 * The claims of one batch with their attribution and speaker, in (createdAt desc, id desc)
 * order after the previous batch. Filters arrive already checked and resolved to ids.
 */
function claimRows(read: ReadDb, f: ResolvedClaimFilter, after: Cursor | undefined, take: number): Promise<ClaimRow[]> {
  const { where, params } = batchWhere(read, f, after);
  return read.all<ClaimRow>(
    `${CLAIM_ROW_SQL}
     ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
     ORDER BY c."createdAt" DESC, c."id" DESC
     LIMIT ?`,
    [...params, take],
  );
}

/**
 * Every claim matching the filter, newest first, in keyset batches so that memory stays
 * flat however many claims there are (bulk export). Batches, not single claims: an
 * async generator step per claim costs more than reading it. The filter comes resolved
 * (resolveClaimFilter), so its 400s are raised before anything is streamed.
 */
export async function* iterateClaimBatches(read: ReadDb, filter: ResolvedClaimFilter, batchSize = 500): AsyncGenerator<ClaimDetail[]> {
  // Sources repeat across claims; keep the last few thousand (their metadata only).
  const sourceCache = new Map<string, SourceRow>();
  const db = read.bulk();
  try {
    let after: Cursor | undefined;
    for (;;) {
      const rows = await claimRows(db, filter, after, batchSize);
      if (rows.length === 0) return;
      if (sourceCache.size > 5000) sourceCache.clear();
      yield await claimDetails(db, rows, sourceCache);
      if (rows.length < batchSize) return;
      const last = rows[rows.length - 1]!;
      // As read: SQLite's stored text, PostgreSQL's Date (to the millisecond, as stored).
      after = { createdAt: last.createdAt, id: last.id };
    }
  } finally {
    db.close();
  }
}

/** The same, claim by claim, for callers that want one at a time. */
export async function* iterateClaims(read: ReadDb, filter: ResolvedClaimFilter, batchSize = 500): AsyncGenerator<ClaimDetail> {
  for await (const batch of iterateClaimBatches(read, filter, batchSize)) yield* batch;
}

type Source = ClaimDetail["source"];
type Span = ClaimDetail["spans"][number];

/**
 * What a citation of a claim needs: a part of ClaimDetail (any ClaimDetail is one), so the
 * CSL-JSON of the bulk export is built by the same code as the cite API's. `reviews`
 * holds only the latest review's time, `attribution.person` only the name; claims of
 * one source share one `source` object.
 */
export type CitationClaim = {
  id: string;
  text: string;
  status: string;
  source: Source;
  spans: Pick<Span, "start" | "end" | "exact" | "prefix" | "suffix">[];
  attribution: { kind: string; role: string | null; person: { name: string } | null } | null;
  reviews: Pick<ClaimDetail["reviews"][number], "createdAt">[];
};

// One statement per batch: the claims of the batch (with attribution and speaker) in a
// subquery, their spans joined (a claim with n spans gives n rows; put in start order
// below, the order of the (claimId, start) index that claimDetails reads them in: a claim's
// spans never overlap, so no two start at the same offset),
// the latest review's time from the covering index (claimId, createdAt): MAX(createdAt)
// is the createdAt of the last review in (createdAt, id) order, the one ClaimDetail lists last.
type CitationRow = [
  id: string, text: string, status: string, createdAt: unknown, sourceId: string,
  kind: string | null, role: string | null, personName: string | null, reviewedAt: string | null,
  start: number | bigint | null, end: number | bigint | null, exact: string | null, prefix: string | null, suffix: string | null,
];
const CITATION_COLUMNS = `c."id", c."text", c."status", c."createdAt", c."sourceId", c."kind", c."role", c."personName",
       (SELECT MAX(r."createdAt") FROM "Review" r WHERE r."claimId" = c."id") AS "reviewedAt",
       s."start", s."end", s."exact", s."prefix", s."suffix"`;

function citationRows(read: ReadDb, f: ResolvedClaimFilter, after: Cursor | undefined, take: number): Promise<CitationRow[]> {
  const { where, params } = batchWhere(read, f, after);
  return read.rows<CitationRow>(
    `SELECT ${CITATION_COLUMNS}
     FROM (SELECT c."id", c."text", c."status", c."createdAt", c."sourceId", a."kind", a."role", p."name" AS "personName"
           FROM "Claim" c
           LEFT JOIN "Attribution" a ON a."claimId" = c."id"
           LEFT JOIN "Person" p ON p."id" = a."personId"
           ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
           ORDER BY c."createdAt" DESC, c."id" DESC
           LIMIT ?) c
     LEFT JOIN "Span" s ON s."claimId" = c."id"
     ORDER BY c."createdAt" DESC, c."id" DESC`,
    [...params, take],
  );
}

/** A claim's spans in start order. */
const sortSpans = (spans: CitationClaim["spans"]): void => void spans.sort((a, b) => a.start - b.start);

/** The sources of `ids` not yet in `cache`, read and added to it (as ClaimDetail["source"]). */
async function cacheSources(read: ReadDb, ids: Set<string>, cache: Map<string, Source>): Promise<void> {
  const missing = [...ids].filter((id) => !cache.has(id));
  if (missing.length === 0) return;
  const ofIds = inList(read, `"id"`, missing);
  const rows = await read.all<SourceRow>(`${SOURCE_ROW_SQL} WHERE ${ofIds.sql}`, [ofIds.param]);
  for (const s of rows) {
    cache.set(s.id, {
      id: s.id, title: s.title, publisher: s.publisher, author: s.author, url: s.url,
      publishedAt: s.publishedAt, retrievedAt: s.retrievedAt === null ? null : iso(s.retrievedAt), language: s.language, sha256: s.sha256,
      republishedFrom: parseRepublishedFrom(s.republishedFrom),
    });
  }
}

/**
 * Every claim matching the filter as a CitationClaim, in iterateClaimBatches' order
 * (newest first) and batches of `batchSize` claims: the bulk CSL-JSON export's reader,
 * on a connection of its own (ReadDb.bulk). One statement per batch plus one for the
 * batch's new sources, instead of the five of a ClaimDetail batch. Small batches cost no
 * more time (100,000 claims: 50–500 per batch read alike) and keep peak memory flat:
 * with 250 or more, the data of the batch in hand is often promoted to V8's old
 * generation and piles up there until a full GC (a 100,000-claim export then peaked
 * about 100 MB higher in one run out of two). Except by person: no index orders a
 * person's claims by time, so each batch reads and sorts all of them (P claims, P/batch
 * batches), and batches of 500 keep that at the cost it had before.
 */
export async function* iterateCitationBatches(
  read: ReadDb,
  filter: ResolvedClaimFilter,
  batchSize = filter.personId ? 500 : 100,
): AsyncGenerator<CitationClaim[]> {
  const db = read.bulk();
  try {
    yield* citationBatches(db, filter, batchSize);
  } finally {
    db.close();
  }
}

async function* citationBatches(read: ReadDb, filter: ResolvedClaimFilter, batchSize: number): AsyncGenerator<CitationClaim[]> {
  // Sources repeat across claims; keep the last few thousand (their metadata only).
  const sources = new Map<string, Source>();
  let after: Cursor | undefined;
  for (;;) {
    const rows = await citationRows(read, filter, after, batchSize);
    if (rows.length === 0) return;
    if (sources.size > 5000) sources.clear();
    await cacheSources(read, new Set(rows.map((r) => r[4])), sources);
    const claims: CitationClaim[] = [];
    let claim: CitationClaim | undefined;
    let last: CitationRow = rows[0]!;
    for (const r of rows) {
      if (claim?.id !== r[0]) {
        if (claim && claim.spans.length > 1) sortSpans(claim.spans);
        const [id, text, status, , sourceId, kind, role, personName, reviewedAt] = r;
        claim = {
          id, text, status,
          source: sources.get(sourceId)!,
          spans: [],
          attribution: kind === null ? null : { kind, role, person: personName === null ? null : { name: personName } },
          reviews: reviewedAt === null ? [] : [{ createdAt: iso(reviewedAt) }],
        };
        claims.push(claim);
        last = r;
      }
      if (r[9] !== null) {
        claim.spans.push({ start: Number(r[9]), end: Number(r[10]), exact: r[11]!, prefix: r[12]!, suffix: r[13]! });
      }
    }
    if (claim && claim.spans.length > 1) sortSpans(claim.spans);
    yield claims;
    if (claims.length < batchSize) return;
    after = { createdAt: last[3], id: last[0] };
  }
}
