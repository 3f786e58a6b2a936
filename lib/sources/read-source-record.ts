// A source's record (getSourceRecord) on the read connection, for the source page: its
// version and field origins, revision links, archive (without the WARC bytes) and
// history, in three statements. A test checks it equals getSourceRecord (Prisma).
import { dbIso, type ReadDb, type Row } from "../db-read";
import { notFound } from "../errors";
import type { SourceRecord } from "./get-source-record";
import { parseMetadataOrigin } from "./metadata-origin";

type SourceRow = Row & { version: number | bigint; metadataOrigin: string; revisionOf: string | null; next: string | null };
type ArchiveRow = Row & {
  requestedUrl: string; finalUrl: string; redirects: string; status: number | bigint; contentType: string | null;
  etag: string | null; lastModified: string | null; fetchedAt: Date | string;
};
type EditRow = Row & { id: string; kind: string; version: number | bigint; changes: string; actorName: string; createdAt: Date | string };

export async function readSourceRecord(read: ReadDb, id: string): Promise<SourceRecord> {
  const [s] = await read.all<SourceRow>(
    `SELECT s."version", s."metadataOrigin", s."revisionOf", (SELECT n."id" FROM "Source" n WHERE n."revisionOf" = s."id") AS "next" FROM "Source" s WHERE s."id" = ?`,
    [id],
  );
  if (!s) throw notFound("source", id);
  const [a] = await read.all<ArchiveRow>(
    `SELECT "requestedUrl", "finalUrl", "redirects", "status", "contentType", "etag", "lastModified", "fetchedAt" FROM "SourceArchive" WHERE "sourceId" = ?`,
    [id],
  );
  const edits = await read.all<EditRow>(
    `SELECT "id", "kind", "version", "changes", "actorName", "createdAt" FROM "SourceEdit" WHERE "sourceId" = ? ORDER BY "version", "createdAt"`,
    [id],
  );
  return {
    version: Number(s.version),
    metadataOrigin: parseMetadataOrigin(s.metadataOrigin),
    revisionOf: s.revisionOf,
    nextRevisionId: s.next,
    archive: a
      ? {
          requestedUrl: a.requestedUrl, finalUrl: a.finalUrl, redirects: JSON.parse(a.redirects) as NonNullable<SourceRecord["archive"]>["redirects"],
          status: Number(a.status), contentType: a.contentType, etag: a.etag, lastModified: a.lastModified, fetchedAt: dbIso(a.fetchedAt),
        }
      : null,
    history: edits.map((e) => ({
      id: e.id, kind: e.kind, version: Number(e.version), changes: JSON.parse(e.changes) as SourceRecord["history"][number]["changes"],
      actorName: e.actorName, createdAt: dbIso(e.createdAt),
    })),
  };
}
