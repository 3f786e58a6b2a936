// How the person page reads a person's claims: the roles the sources give them, and
// their claims per source. Pure, so the grouping is tested without a database.
import type { ClaimSummary } from "../claims/claim-dto";

// Enough of a source to name and link it; the full summary is in each claim.
export type SourceRef = { id: string; title: string | null; publisher: string | null; publishedAt: string | null };
const ref = ({ id, title, publisher, publishedAt }: ClaimSummary["source"]): SourceRef => ({ id, title, publisher, publishedAt });

// Newest publication first; undated sources last, then by id so the order is stable.
function bySourceDate(a: SourceRef, b: SourceRef): number {
  if (a.publishedAt !== b.publishedAt) {
    if (!a.publishedAt) return 1;
    if (!b.publishedAt) return -1;
    return a.publishedAt < b.publishedAt ? 1 : -1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Each distinct role the sources give the person ("Kazakh President"), with the sources
 * that state it. Roles are kept as written: two wordings are two roles, since the tool
 * shows what the sources say rather than reconciling them.
 */
export function statedRoles(claims: ClaimSummary[]): { role: string; sources: SourceRef[] }[] {
  const byRole = new Map<string, Map<string, SourceRef>>();
  for (const c of claims) {
    const role = c.attribution?.role;
    if (!role) continue;
    const sources = byRole.get(role) ?? new Map<string, SourceRef>();
    sources.set(c.source.id, ref(c.source));
    byRole.set(role, sources);
  }
  return [...byRole].map(([role, sources]) => ({ role, sources: [...sources.values()].sort(bySourceDate) }));
}

/**
 * The person's claims per source (newest source first), each source's claims in reading
 * order. Ids only: the claims themselves are in `claims`, so the response does not double.
 */
export function claimsBySource(claims: ClaimSummary[]): { source: SourceRef; claimIds: string[] }[] {
  const groups = new Map<string, { source: SourceRef; claims: ClaimSummary[] }>();
  for (const c of claims) {
    const group = groups.get(c.source.id) ?? { source: ref(c.source), claims: [] };
    group.claims.push(c);
    groups.set(c.source.id, group);
  }
  const at = (c: ClaimSummary) => c.spans[0]?.start ?? 0;
  return [...groups.values()]
    .sort((a, b) => bySourceDate(a.source, b.source))
    .map(({ source, claims: list }) => ({ source, claimIds: list.sort((a, b) => at(a) - at(b) || (a.id < b.id ? -1 : 1)).map((c) => c.id) }));
}
