import { claimSummaryDto, claimSummarySelect, type ClaimSummary } from "../claims/claim-dto";
import type { DbTx } from "../db";
import { foldName } from "../ids";

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** True when `text` names `alias` as a whole phrase (case, accents and apostrophe style ignored). Pure. */
export function namesAlias(text: string, alias: string): boolean {
  const folded = foldName(alias);
  if (folded.length < 3) return false;
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(folded)}(?![\\p{L}\\p{N}])`, "u").test(foldName(text));
}

/**
 * Claims whose wording names the person by one of their spellings and that are not
 * attributed to them: what others say about them. Newest first, at most `take`.
 * Candidates come from a LIKE on each alias (SQLite compares ASCII case-insensitively),
 * then the whole-phrase check above removes partial words.
 */
export async function claimsAbout(db: DbTx, person: { id: string; aliases: string[] }, take = 100): Promise<ClaimSummary[]> {
  const aliases = person.aliases.filter((a) => foldName(a).length >= 3);
  if (aliases.length === 0) return [];
  const rows = await db.claim.findMany({
    where: {
      OR: aliases.map((a) => ({ text: { contains: a } })),
      NOT: { attribution: { personId: person.id } },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: take * 2,
    select: claimSummarySelect,
  });
  return rows
    .filter((r) => aliases.some((a) => namesAlias(r.text, a)))
    .slice(0, take)
    .map(claimSummaryDto);
}
