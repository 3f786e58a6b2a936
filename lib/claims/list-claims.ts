import type { DbTx } from "../db";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { findPersonId } from "../people/find-person";
import { parseInput } from "../validation";
import { claimSummaryDto, claimSummarySelect, type ClaimSummary } from "./claim-dto";
import { decodeCursor, encodeCursor } from "./cursor";
import { listClaimsQuery } from "./schemas";

export type ClaimPage = { items: ClaimSummary[]; nextCursor: string | null };

/** Claims, newest first, filtered by status, person (id or slug) and source. Query values are raw strings. */
export async function listClaims(db: DbTx, rawQuery: Record<string, string | undefined>): Promise<ClaimPage> {
  const q = parseInput(listClaimsQuery, rawQuery);
  const where: Prisma.ClaimWhereInput = {};
  if (q.status) where.status = q.status;
  if (q.person) {
    const personId = await findPersonId(db, q.person);
    if (!personId) throw new AppError("bad_request", `person: no person with id or slug "${q.person}".`);
    where.attribution = { personId };
  }
  if (q.source) {
    const source = await db.source.findUnique({ where: { id: q.source }, select: { id: true } });
    if (!source) throw new AppError("bad_request", `source: no source with id "${q.source}".`);
    where.sourceId = q.source;
  }
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    // The redundant `lte` bound gives SQLite a starting point in the (createdAt, id)
    // index; without it the OR alone walks the index from the top (slow deep pages).
    where.createdAt = { lte: c.createdAt };
    where.OR = [{ createdAt: { lt: c.createdAt } }, { createdAt: c.createdAt, id: { lt: c.id } }];
  }
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
