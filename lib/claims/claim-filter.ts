import type { DbTx } from "../db";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { findPersonId } from "../people/find-person";
import type { ClaimStatus } from "./schemas";

export type ClaimFilter = { status?: ClaimStatus; person?: string; source?: string };

/**
 * The WHERE clause for the status / person (id or slug) / source filters shared by the
 * claims list and the bulk export. An unknown person or source is a 400, not an empty list:
 * a typo should not look like "no claims".
 */
export async function claimFilterWhere(db: DbTx, f: ClaimFilter): Promise<Prisma.ClaimWhereInput> {
  const where: Prisma.ClaimWhereInput = {};
  if (f.status) where.status = f.status;
  if (f.person) {
    const personId = await findPersonId(db, f.person);
    if (!personId) throw new AppError("bad_request", `person: no person with id or slug "${f.person}".`);
    where.attribution = { personId };
  }
  if (f.source) {
    const source = await db.source.findUnique({ where: { id: f.source }, select: { id: true } });
    if (!source) throw new AppError("bad_request", `source: no source with id "${f.source}".`);
    where.sourceId = f.source;
  }
  return where;
}
