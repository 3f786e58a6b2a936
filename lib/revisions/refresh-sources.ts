import type { Db } from "../db";
import { AppError } from "../errors";
import { sha256Hex } from "../sources/hash";
import { fetchRevisionText } from "./fetch-revision-text";
import { fetchTargetOf } from "./fetch-target-of";
import { listRevisions } from "./list-revisions";
import { reviseSource } from "./revise-source";

export type RefreshOutcome =
  | { source: string; result: "revised"; revision: string; carried: number; flagged: number }
  | { source: string; result: "not-modified" | "unchanged" }
  | { source: string; result: "failed"; error: string };

/** The newest revision of each document (or just `sourceId`'s), with where to fetch it; documents with no address are left out. */
async function targets(db: Db, sourceId?: string) {
  const ids = sourceId
    ? [(await listRevisions(db, sourceId)).at(-1)!.id] // 404 for an unknown id
    : // Newest revisions that have an address, an archive, or an older revision that may have one (a pasted source has none).
      (
        await db.source.findMany({
          where: { nextRevision: null, OR: [{ url: { not: null } }, { archive: { isNot: null } }, { revisionOf: { not: null } }] },
          select: { id: true },
          orderBy: { id: "asc" },
        })
      ).map((r) => r.id);
  const out = [];
  for (const id of ids) {
    const target = await fetchTargetOf(db, id);
    if (target) out.push({ id, ...target });
    else if (sourceId) throw new AppError("unprocessable", `Source "${sourceId}" has no URL to fetch.`);
  }
  return out;
}

/**
 * `verbatim refresh`: fetches each source's URL again (conditional GET with the last
 * fetch's ETag / Last-Modified) and records a revision only when the readable text
 * changed; claims are re-anchored as for any revision. One outcome per source.
 */
export async function refreshSources(db: Db, opts: { sourceId?: string; onOutcome?: (o: RefreshOutcome) => void } = {}): Promise<RefreshOutcome[]> {
  const out: RefreshOutcome[] = [];
  const actor = { id: null, name: "verbatim refresh" };
  for (const t of await targets(db, opts.sourceId)) {
    let outcome: RefreshOutcome;
    try {
      const fetched = await fetchRevisionText(t.url, { etag: t.etag, lastModified: t.lastModified });
      const current = await db.source.findUniqueOrThrow({ where: { id: t.id }, select: { sha256: true } });
      if (fetched.notModified) outcome = { source: t.id, result: "not-modified" };
      else if (sha256Hex(fetched.text) === current.sha256) outcome = { source: t.id, result: "unchanged" };
      else {
        const r = await reviseSource(db, { actor, sourceId: t.id, text: { text: fetched.text, archive: fetched.archive } });
        outcome = { source: t.id, result: "revised", revision: r.sourceId, carried: r.reanchor.carried.length, flagged: r.reanchor.flagged.length };
      }
    } catch (err) {
      outcome = { source: t.id, result: "failed", error: (err as Error).message };
    }
    out.push(outcome);
    opts.onOutcome?.(outcome);
  }
  return out;
}
