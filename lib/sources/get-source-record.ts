import type { DbTx } from "../db";
import { notFound } from "../errors";
import { parseMetadataOrigin } from "./metadata-origin";

const json = (s: string): unknown => JSON.parse(s);

/**
 * What a source's page and API show beside its text: the version to send back with an
 * edit, where each metadata field came from, the revision before and after it, the
 * archived HTTP exchange (if it was fetched) and its history, oldest first.
 */
export async function getSourceRecord(db: DbTx, id: string) {
  const row = await db.source.findUnique({
    where: { id },
    select: {
      version: true,
      metadataOrigin: true,
      revisionOf: true,
      nextRevision: { select: { id: true } },
      archive: {
        select: { requestedUrl: true, finalUrl: true, redirects: true, status: true, contentType: true, etag: true, lastModified: true, fetchedAt: true },
      },
      edits: {
        orderBy: [{ version: "asc" }, { createdAt: "asc" }],
        select: { id: true, kind: true, version: true, changes: true, actorName: true, createdAt: true },
      },
    },
  });
  if (!row) throw notFound("source", id);
  const a = row.archive;
  return {
    version: row.version,
    metadataOrigin: parseMetadataOrigin(row.metadataOrigin),
    revisionOf: row.revisionOf,
    nextRevisionId: row.nextRevision?.id ?? null,
    archive: a && { ...a, redirects: json(a.redirects) as { url: string; status: number; location: string }[], fetchedAt: a.fetchedAt.toISOString() },
    history: row.edits.map((e) => ({ ...e, changes: json(e.changes) as Record<string, { from: unknown; to: unknown }>, createdAt: e.createdAt.toISOString() })),
  };
}
export type SourceRecord = Awaited<ReturnType<typeof getSourceRecord>>;
