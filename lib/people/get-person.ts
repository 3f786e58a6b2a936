import type { DbTx } from "../db";
import { notFound } from "../errors";
import { claimSummaryDto, claimSummarySelect } from "../claims/claim-dto";

/** A person (by id or slug), their aliases and the claims attributed to them. */
export async function getPerson(db: DbTx, idOrSlug: string) {
  const row = await db.person.findFirst({
    where: { OR: [{ id: idOrSlug }, { slug: idOrSlug }] },
    select: {
      id: true,
      name: true,
      slug: true,
      description: true,
      aliases: { select: { alias: true }, orderBy: { alias: "asc" } },
      attributions: {
        select: { role: true, claim: { select: claimSummarySelect } },
        orderBy: { claim: { createdAt: "desc" } },
      },
    },
  });
  if (!row) throw notFound("person", idOrSlug);
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    description: row.description,
    aliases: row.aliases.map((a) => a.alias),
    roles: [...new Set(row.attributions.map((a) => a.role).filter((r): r is string => !!r))],
    claims: row.attributions.map((a) => claimSummaryDto(a.claim)),
  };
}
export type PersonDetail = Awaited<ReturnType<typeof getPerson>>;
