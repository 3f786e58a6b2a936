// The revision chain on the read connection (lib/db-read.ts), for the source and claim
// pages: one statement for the common case of a source with no other revision, and one
// recursive statement otherwise. A test checks it equals listRevisions (Prisma).
import { dbIso, type ReadDb, type Row } from "../db-read";
import { notFound } from "../errors";
import type { RevisionSummary } from "./list-revisions";

type LinkRow = Row & { revisionOf: string | null; next: string | null };
type ChainRow = Row & {
  id: string; revisionOf: string | null; retrievedAt: Date | string | null; createdAt: Date | string; sha256: string;
  length: number | bigint; archived: number | bigint; claims: number | bigint; next: string | null; depth: number | bigint;
};

const COLUMNS = `s."id", s."revisionOf", s."retrievedAt", s."createdAt", s."sha256", s."length",
  EXISTS (SELECT 1 FROM "SourceArchive" a WHERE a."sourceId" = s."id") AS "archived",
  (SELECT count(*) FROM "Claim" c WHERE c."sourceId" = s."id") AS "claims",
  (SELECT n."id" FROM "Source" n WHERE n."revisionOf" = s."id") AS "next"`;

export async function readRevisions(read: ReadDb, sourceId: string): Promise<RevisionSummary[]> {
  const [link] = await read.all<LinkRow>(`SELECT s."revisionOf", (SELECT n."id" FROM "Source" n WHERE n."revisionOf" = s."id") AS "next" FROM "Source" s WHERE s."id" = ?`, [sourceId]);
  if (!link) throw notFound("source", sourceId);
  const rows =
    link.revisionOf === null && link.next === null
      ? await read.all<ChainRow>(`SELECT ${COLUMNS}, 0 AS "depth" FROM "Source" s WHERE s."id" = ?`, [sourceId])
      : await read.all<ChainRow>(
          `WITH RECURSIVE
             back("id", "depth") AS (SELECT CAST(? AS TEXT), 0 UNION ALL SELECT s."revisionOf", b."depth" - 1 FROM back b JOIN "Source" s ON s."id" = b."id" WHERE s."revisionOf" IS NOT NULL AND b."depth" > -1000),
             fwd("id", "depth") AS (SELECT CAST(? AS TEXT), 0 UNION ALL SELECT n."id", f."depth" + 1 FROM fwd f JOIN "Source" n ON n."revisionOf" = f."id" WHERE f."depth" < 1000),
             chain("id", "depth") AS (SELECT "id", "depth" FROM back UNION SELECT "id", "depth" FROM fwd)
           SELECT ${COLUMNS}, c."depth" FROM chain c JOIN "Source" s ON s."id" = c."id" ORDER BY c."depth"`,
          [sourceId, sourceId],
        );
  return rows.map((s, i) => ({
    id: s.id,
    number: i + 1,
    revisionOf: s.revisionOf,
    retrievedAt: s.retrievedAt === null ? null : dbIso(s.retrievedAt),
    createdAt: dbIso(s.createdAt),
    sha256: s.sha256,
    length: Number(s.length),
    archived: Boolean(Number(s.archived)),
    claims: Number(s.claims),
    latest: s.next === null,
  }));
}
