import type { DbTx } from "../db";
import { revisionLabel, sourceLabel } from "../sources/label";
import type { ClaimDetail } from "./get-claim";

/** Names for the ids a claim's history refers to: evidence sources and speakers. */
export type HistoryNames = { sources: Record<string, string>; people: Record<string, string> };

const personIdsIn = (value: unknown): string[] =>
  value && typeof value === "object" && "personId" in value && typeof (value as { personId: unknown }).personId === "string"
    ? [(value as { personId: string }).personId]
    : [];

/**
 * Reads the titles of the sources cited as evidence and the names of the people in
 * attribution changes, so the page shows words instead of ids. A person merged away is
 * named as they were called then.
 */
export async function historyNames(db: DbTx, claim: Pick<ClaimDetail, "reviews" | "edits">): Promise<HistoryNames> {
  const sourceIds = new Set<string>();
  for (const r of claim.reviews) {
    for (const e of r.evidence) {
      const id = (e as { type?: unknown; sourceId?: unknown }).sourceId;
      const type = (e as { type?: unknown }).type;
      if ((type === "span" || type === "source") && typeof id === "string") sourceIds.add(id);
    }
  }
  // A claim carried or moved to a newer revision of its source names both revisions.
  for (const e of claim.edits) for (const id of [e.changes.source?.from, e.changes.source?.to]) if (typeof id === "string") sourceIds.add(id);
  const personIds = new Set<string>();
  for (const e of claim.edits) {
    for (const c of Object.values(e.changes)) for (const id of [...personIdsIn(c.from), ...personIdsIn(c.to)]) personIds.add(id);
    const created = (e.changes.created?.to as { attribution?: unknown } | undefined)?.attribution;
    for (const id of personIdsIn(created)) personIds.add(id);
  }
  const [sources, people, merged] = await Promise.all([
    db.source.findMany({
      where: { id: { in: [...sourceIds] } },
      select: { id: true, title: true, publisher: true, publishedAt: true, retrievedAt: true, revisionOf: true, nextRevision: { select: { id: true } } },
    }),
    db.person.findMany({ where: { id: { in: [...personIds] } }, select: { id: true, name: true } }),
    db.personMerge.findMany({ where: { mergedId: { in: [...personIds] } }, select: { mergedId: true, mergedName: true } }),
  ]);
  return {
    sources: Object.fromEntries(sources.map((s) => [s.id, s.revisionOf || s.nextRevision ? revisionLabel(s) : sourceLabel(s)])),
    people: { ...Object.fromEntries(merged.map((m) => [m.mergedId, m.mergedName])), ...Object.fromEntries(people.map((p) => [p.id, p.name])) },
  };
}
