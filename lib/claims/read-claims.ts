// Reading claims as plain rows on the read connection (lib/db-read.ts) and assembling
// exactly the ClaimDetail that getClaim() returns — a test checks they are equal for
// every seeded claim. Used where Prisma's relation queries cost more than the work
// itself: the bulk export (8.6 s of reading for 100,000 claims through Prisma) and the
// claim page, the most-read page.
import { parseSameAs } from "./claim-dto";
import { parseRepublishedFrom } from "../sources/republished";
import { dbIso, type ReadDb, type Row } from "../db-read";
import type { ClaimDetail } from "./get-claim";

const placeholders = (n: number) => Array.from({ length: n }, () => "?").join(", ");

export type ClaimRow = Row & {
  id: string; text: string; status: string; version: number | bigint; asOf: string | null; changedSinceVerdict: number | bigint | boolean; sourceChanged: number | bigint | boolean;
  createdAt: Date | string; updatedAt: Date | string; sourceId: string;
  kind: string | null; role: string | null; personId: string | null; personName: string | null; personSlug: string | null; personSameAs: string | null;
};
export type SourceRow = Row & {
  id: string; title: string | null; publisher: string | null; author: string | null; url: string | null;
  publishedAt: string | null; retrievedAt: Date | string | null; language: string | null; sha256: string; republishedFrom: string | null;
};
type SpanRow = Row & { id: string; claimId: string; sourceId: string; start: number | bigint; end: number | bigint; exact: string; prefix: string; suffix: string };
type AliasRow = Row & { personId: string; alias: string };
type ReviewRow = Row & {
  id: string; claimId: string; fromStatus: string; toStatus: string; rationale: string | null; evidence: string;
  reviewerName: string; isDemo: boolean | number | bigint; version: number | bigint | null; createdAt: Date | string;
};
type EditRow = Row & { id: string; claimId: string; kind: string; version: number | bigint; changes: string; actorName: string; createdAt: Date | string };

export const iso = dbIso;
const num = (n: number | bigint) => Number(n);

function groupBy<T>(rows: T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

/** The Source columns of a claim's source summary (ClaimDetail["source"], before `iso`). */
export const SOURCE_ROW_SQL = `SELECT "id", "title", "publisher", "author", "url", "publishedAt", "retrievedAt", "language", "sha256", "republishedFrom" FROM "Source"`;

/** The SELECT list and joins of a claim row (claim, attribution, speaker). */
export const CLAIM_ROW_SQL = `SELECT c."id", c."text", c."status", c."version", c."asOf", c."changedSinceVerdict", c."sourceChanged", c."createdAt", c."updatedAt", c."sourceId",
            a."kind", a."role", p."id" AS "personId", p."name" AS "personName", p."slug" AS "personSlug", p."sameAs" AS "personSameAs"
     FROM "Claim" c
     LEFT JOIN "Attribution" a ON a."claimId" = c."id"
     LEFT JOIN "Person" p ON p."id" = a."personId"`;

/** Claim details for claim rows, in their order; sources already in `sourceCache` are not read again. */
export async function claimDetails(read: ReadDb, claims: ClaimRow[], sourceCache = new Map<string, SourceRow>()): Promise<ClaimDetail[]> {
  const ids = claims.map((c) => c.id);
  const inIds = placeholders(ids.length);
  const missingSources = [...new Set(claims.map((c) => c.sourceId))].filter((id) => !sourceCache.has(id));
  const personIds = [...new Set(claims.map((c) => c.personId).filter((p): p is string => p !== null))];
  const sources = missingSources.length
    ? await read.all<SourceRow>(`${SOURCE_ROW_SQL} WHERE "id" IN (${placeholders(missingSources.length)})`, missingSources)
    : [];
  const spans = await read.all<SpanRow>(
    `SELECT "id", "claimId", "sourceId", "start", "end", "exact", "prefix", "suffix"
     FROM "Span" WHERE "claimId" IN (${inIds}) ORDER BY "claimId", "start"`,
    ids,
  );
  const aliases = personIds.length
    ? await read.all<AliasRow>(`SELECT "personId", "alias" FROM "PersonAlias" WHERE "personId" IN (${placeholders(personIds.length)}) ORDER BY "alias"`, personIds)
    : [];
  const reviews = await read.all<ReviewRow>(
    `SELECT "id", "claimId", "fromStatus", "toStatus", "rationale", "evidence", "reviewerName", "isDemo", "version", "createdAt"
     FROM "Review" WHERE "claimId" IN (${inIds}) ORDER BY "createdAt", "id"`,
    ids,
  );
  const edits = await read.all<EditRow>(
    `SELECT "id", "claimId", "kind", "version", "changes", "actorName", "createdAt"
     FROM "ClaimEdit" WHERE "claimId" IN (${inIds}) ORDER BY "createdAt", "id"`,
    ids,
  );
  for (const s of sources) sourceCache.set(s.id, s);
  const spansBy = groupBy(spans, (s) => s.claimId);
  const aliasesBy = groupBy(aliases, (a) => a.personId);
  const reviewsBy = groupBy(reviews, (r) => r.claimId);
  const editsBy = groupBy(edits, (e) => e.claimId);
  return claims.map((c) => {
    const id = c.id;
    const s = sourceCache.get(c.sourceId)!;
    return {
      id: c.id,
      text: c.text,
      status: c.status,
      version: num(c.version),
      asOf: c.asOf,
      changedSinceVerdict: Boolean(Number(c.changedSinceVerdict)),
      sourceChanged: Boolean(Number(c.sourceChanged)),
      createdAt: iso(c.createdAt),
      updatedAt: iso(c.updatedAt),
      source: {
        id: s.id, title: s.title, publisher: s.publisher, author: s.author, url: s.url,
        publishedAt: s.publishedAt, retrievedAt: s.retrievedAt === null ? null : iso(s.retrievedAt), language: s.language, sha256: s.sha256,
        republishedFrom: parseRepublishedFrom(s.republishedFrom),
      },
      spans: (spansBy.get(id) ?? []).map((x) => ({
        id: x.id, sourceId: x.sourceId, start: num(x.start), end: num(x.end), exact: x.exact, prefix: x.prefix, suffix: x.suffix,
      })),
      attribution:
        c.kind === null
          ? null
          : {
              kind: c.kind,
              role: c.role,
              person:
                c.personId === null
                  ? null
                  : { id: c.personId, name: c.personName!, slug: c.personSlug!, aliases: (aliasesBy.get(c.personId) ?? []).map((a) => a.alias), sameAs: parseSameAs(c.personSameAs ?? "[]") },
            },
      reviews: (reviewsBy.get(id) ?? []).map((r) => ({
        id: r.id, fromStatus: r.fromStatus, toStatus: r.toStatus, rationale: r.rationale,
        evidence: JSON.parse(r.evidence) as unknown[], reviewerName: r.reviewerName, isDemo: Boolean(r.isDemo),
        version: r.version === null ? null : num(r.version), createdAt: iso(r.createdAt),
      })),
      edits: (editsBy.get(id) ?? []).map((e) => ({
        id: e.id, kind: e.kind, version: num(e.version), changes: JSON.parse(e.changes) as Record<string, { from: unknown; to: unknown }>,
        actorName: e.actorName, createdAt: iso(e.createdAt),
      })),
    };
  });
}

