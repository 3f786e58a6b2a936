import type { DbTx } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { parseInput } from "../validation";
import { claimSummaryDto, claimSummarySelect, type ClaimSummary } from "./claim-dto";
import { claimWhere, resolveClaimFilter } from "./claim-filter";
import { afterCursor, decodeCursor, encodeCursor } from "./cursor";
import { listClaimsQuery } from "./schemas";

export type ClaimPage = { items: ClaimSummary[]; nextCursor: string | null };

/** Claims, newest first, filtered by status, person (id or slug) and source. Query values are raw strings. */
export async function listClaims(db: DbTx, rawQuery: Record<string, string | undefined>): Promise<ClaimPage> {
  const q = parseInput(listClaimsQuery, rawQuery);
  const where: Prisma.ClaimWhereInput = claimWhere(await resolveClaimFilter(db, q));
  if (q.cursor) Object.assign(where, afterCursor(decodeCursor(q.cursor)));
  const rows = await db.claim.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: q.limit + 1,
    select: claimSummarySelect,
  });
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(claimSummaryDto),
    nextCursor: rows.length > q.limit && last ? encodeCursor(last) : null,
  };
}
