import type { ReadDb, Row } from "../db-read";
import { sourceLabel } from "../sources/label";

export type RelatedClaim = { id: string; text: string; status: string; source: { id: string; label: string } };
export type RelatedClaims = {
  /** The same speaker in other sources (a stable selection, in id order). */
  sameSpeaker: RelatedClaim[];
  /** Other claims of this source nearest to this one, in reading order. */
  sameSource: RelatedClaim[];
};

export const RELATED_LIMIT = 5;

type ClaimRow = Row & { id: string; text: string; status: string; sourceId: string; title: string | null; publisher: string | null; publishedAt: string | null };
type SpanRow = Row & { claimId: string; start: number | bigint };

const CLAIM_COLUMNS = `c."id", c."text", c."status", c."sourceId", s."title", s."publisher", s."publishedAt"`;
const toRelated = (r: ClaimRow): RelatedClaim => ({
  id: r.id,
  text: r.text,
  status: r.status,
  source: { id: r.sourceId, label: sourceLabel(r) },
});

type Subject = { id: string; sourceId: string; personId: string | null; firstStart: number | null };

/**
 * Claims a reader may want next, in a few indexed queries on the read connection (the
 * claim page's hot path): the speaker's claims in other sources, in the order of
 * Attribution's (personId, claimId) index so that the scan stops after a few rows — a
 * "newest first" order read and sorted all of a prolific speaker's claims (a thousand
 * each at a million claims: 0.78 ms a query warm, against 0.03 ms) — and the claims
 * quoted just before and after this one in its source (Span's (sourceId, start) index). Claims in `exclude` (e.g. linked ones, shown
 * on their own) are left out.
 */
export async function relatedClaims(read: ReadDb, subject: Subject, exclude: ReadonlySet<string> = new Set()): Promise<RelatedClaims> {
  const skip = new Set([subject.id, ...exclude]);
  const sameSpeaker = subject.personId
    ? (
        await read.all<ClaimRow>(
          `SELECT ${CLAIM_COLUMNS}
           FROM "Attribution" a JOIN "Claim" c ON c."id" = a."claimId" JOIN "Source" s ON s."id" = c."sourceId"
           WHERE a."personId" = ? AND c."sourceId" <> ?
           ORDER BY a."personId", a."claimId" LIMIT ?`,
          [subject.personId, subject.sourceId, RELATED_LIMIT + skip.size],
        )
      )
        .filter((r) => !skip.has(r.id))
        .slice(0, RELATED_LIMIT)
        .map(toRelated)
    : [];
  return { sameSpeaker, sameSource: await neighbours(read, subject, skip) };
}

/** The nearest other claims of the subject's source by span position, closest first, then put in reading order. */
async function neighbours(read: ReadDb, subject: Subject, skip: Set<string>): Promise<RelatedClaim[]> {
  if (subject.firstStart === null) return [];
  // Spans of skipped claims (and several spans of one claim) can take places: read a margin.
  const take = 2 * RELATED_LIMIT + skip.size;
  const after = await read.all<SpanRow>(
    `SELECT "claimId", "start" FROM "Span" WHERE "sourceId" = ? AND "start" >= ? ORDER BY "start", "id" LIMIT ?`,
    [subject.sourceId, subject.firstStart, take],
  );
  const before = await read.all<SpanRow>(
    `SELECT "claimId", "start" FROM "Span" WHERE "sourceId" = ? AND "start" < ? ORDER BY "start" DESC, "id" DESC LIMIT ?`,
    [subject.sourceId, subject.firstStart, take],
  );
  const position = new Map<string, number>();
  const distance = (s: SpanRow) => Math.abs(Number(s.start) - subject.firstStart!);
  for (const s of [...after, ...before].sort((a, b) => distance(a) - distance(b))) {
    if (skip.has(s.claimId) || position.has(s.claimId)) continue;
    if (position.size === RELATED_LIMIT) break;
    position.set(s.claimId, Number(s.start));
  }
  if (position.size === 0) return [];
  const ids = [...position.keys()];
  const rows = await read.all<ClaimRow>(
    `SELECT ${CLAIM_COLUMNS} FROM "Claim" c JOIN "Source" s ON s."id" = c."sourceId"
     WHERE c."id" IN (${ids.map(() => "?").join(", ")})`,
    ids,
  );
  return rows.sort((a, b) => position.get(a.id)! - position.get(b.id)! || (a.id < b.id ? -1 : 1)).map(toRelated);
}
