import type { DbTx } from "../db";
import { notFound } from "../errors";

const select = {
  id: true, revisionOf: true, retrievedAt: true, createdAt: true, sha256: true, length: true,
  nextRevision: { select: { id: true } }, archive: { select: { fetchedAt: true } }, _count: { select: { claims: true } },
} as const;

/** A revision chains this long is walked no further (a guard, not a limit anyone meets). */
const MAX_CHAIN = 1000;

/**
 * Every revision of the document `sourceId` belongs to, oldest first: id, retrieval
 * time, hash, length, whether it was fetched (archived), and how many claims sit on it.
 */
export async function listRevisions(db: DbTx, sourceId: string) {
  const start = await db.source.findUnique({ where: { id: sourceId }, select });
  if (!start) throw notFound("source", sourceId);
  const chain = [start];
  for (let cur = start; cur.revisionOf && chain.length < MAX_CHAIN; ) {
    cur = (await db.source.findUniqueOrThrow({ where: { id: cur.revisionOf }, select }));
    chain.unshift(cur);
  }
  for (let cur = start; cur.nextRevision && chain.length < MAX_CHAIN; ) {
    cur = await db.source.findUniqueOrThrow({ where: { id: cur.nextRevision.id }, select });
    chain.push(cur);
  }
  return chain.map((s, i) => ({
    id: s.id,
    number: i + 1,
    revisionOf: s.revisionOf,
    retrievedAt: s.retrievedAt?.toISOString() ?? null,
    createdAt: s.createdAt.toISOString(),
    sha256: s.sha256,
    length: s.length,
    archived: s.archive !== null,
    claims: s._count.claims,
    latest: s.nextRevision === null,
  }));
}
export type RevisionSummary = Awaited<ReturnType<typeof listRevisions>>[number];
