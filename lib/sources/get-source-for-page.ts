// The source page's data as plain rows on the read connection (lib/db-read.ts): the
// metadata, the text, and each claim with its status and span offsets. A source can
// hold hundreds of claims; Prisma's relation mapping cost more than the page's queries.
// A test checks this equals the same fields of getSource(); the page reads the source's
// record (history, revisions, archive) with getSourceRecord().
import { dbIso, type ReadDb, type Row } from "../db-read";
import { notFound } from "../errors";
import { parseRepublishedFrom } from "./republished";

type SourceRow = Row & {
  id: string; title: string | null; publisher: string | null; author: string | null; url: string | null;
  publishedAt: string | null; retrievedAt: Date | string | null; language: string | null; sha256: string; text: string; length: number | bigint; republishedFrom: string | null;
};
type ClaimRow = Row & { id: string; text: string; status: string; sourceChanged: number | bigint | boolean };
type SpanRow = Row & { id: string; claimId: string; start: number | bigint; end: number | bigint };


export type SourcePageClaim = { id: string; text: string; status: string; sourceChanged: boolean; spans: { id: string; start: number; end: number }[] };

export async function getSourceForPage(read: ReadDb, id: string) {
  const [s] = await read.all<SourceRow>(
    `SELECT "id", "title", "publisher", "author", "url", "publishedAt", "retrievedAt", "language", "sha256", "republishedFrom", "text", "length" FROM "Source" WHERE "id" = ?`,
    [id],
  );
  if (!s) throw notFound("source", id);
  const claims = await read.all<ClaimRow>(`SELECT "id", "text", "status", "sourceChanged" FROM "Claim" WHERE "sourceId" = ?`, [id]);
  const spans = await read.all<SpanRow>(`SELECT "id", "claimId", "start", "end" FROM "Span" WHERE "sourceId" = ? ORDER BY "start", "id"`, [id]);
  const byClaim = new Map<string, SourcePageClaim>(claims.map((c) => [c.id, { id: c.id, text: c.text, status: c.status, sourceChanged: Boolean(Number(c.sourceChanged)), spans: [] }]));
  for (const sp of spans) byClaim.get(sp.claimId)?.spans.push({ id: sp.id, start: Number(sp.start), end: Number(sp.end) });
  // Reading order of each claim's first span, as getSource orders them.
  const ordered = [...byClaim.values()].sort((a, b) => (a.spans[0]?.start ?? 0) - (b.spans[0]?.start ?? 0) || a.id.localeCompare(b.id));
  return {
    id: s.id, title: s.title, publisher: s.publisher, author: s.author, url: s.url, publishedAt: s.publishedAt,
    retrievedAt: s.retrievedAt === null ? null : dbIso(s.retrievedAt), language: s.language, sha256: s.sha256,
    republishedFrom: parseRepublishedFrom(s.republishedFrom),
    text: s.text, length: Number(s.length), claims: ordered,
  };
}
