import { parseSameAs } from "../claims/claim-dto";
import type { DbTx } from "../db";
import { notFound } from "../errors";
import { claimSummaryDto } from "../claims/claim-dto";
import { claimsBySource, statedRoles } from "./group-person-claims";
import { personClaims } from "./person-claims";

const countIds = (json: string): number => {
  const ids: unknown = JSON.parse(json);
  return Array.isArray(ids) ? ids.length : 0;
};

/** A person (by id or slug), their aliases, who was merged into them and the claims attributed to them. */
export async function getPerson(db: DbTx, idOrSlug: string) {
  const row = await db.person.findFirst({
    where: { OR: [{ id: idOrSlug }, { slug: idOrSlug }] },
    select: {
      id: true,
      name: true,
      slug: true,
      description: true,
      sameAs: true,
      aliases: { select: { id: true, alias: true }, orderBy: { alias: "asc" } },
      mergedFrom: {
        select: { mergedId: true, mergedName: true, mergedSlug: true, claimIds: true, actorName: true, createdAt: true },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      },
    },
  });
  if (!row) throw notFound("person", idOrSlug);
  const rows = await personClaims(db, row.id);
  const claims = rows.map(claimSummaryDto);
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    description: row.description,
    /** Identifiers elsewhere (e.g. Wikidata), recorded by an editor. */
    sameAs: parseSameAs(row.sameAs),
    aliases: row.aliases.map((a) => a.alias),
    // With ids, for DELETE /api/people/{id}/aliases/{aliasId}.
    aliasEntries: row.aliases,
    mergedFrom: row.mergedFrom.map((m) => ({
      id: m.mergedId,
      name: m.mergedName,
      slug: m.mergedSlug,
      claimCount: countIds(m.claimIds),
      actorName: m.actorName,
      mergedAt: m.createdAt,
    })),
    roles: [...new Set(rows.map((c) => c.attribution?.role).filter((r): r is string => !!r))],
    claims,
    // Added for the person page; `roles` and `claims` above stay as they were for API clients.
    statedRoles: statedRoles(claims),
    claimsBySource: claimsBySource(claims),
  };
}
export type PersonDetail = Awaited<ReturnType<typeof getPerson>>;
