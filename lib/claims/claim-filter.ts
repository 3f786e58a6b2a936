import type { DbTx } from "../db";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { findPersonId } from "../people/find-person";
import type { ClaimStatus } from "./schemas";

export type ClaimFilter = { status?: ClaimStatus; person?: string; source?: string; changedSinceVerdict?: boolean; sourceChanged?: boolean };
/** A filter whose person (id or slug) and source have been checked and resolved to ids. */
export type ResolvedClaimFilter = { status?: ClaimStatus; personId?: string; sourceId?: string; changedSinceVerdict?: boolean; sourceChanged?: boolean };

/**
 * Checks the status / person / source filters shared by the claims list and the bulk
 * export. An unknown person or source is a 400, not an empty list: a typo should not
 * look like "no claims".
 */
export async function resolveClaimFilter(db: DbTx, f: ClaimFilter): Promise<ResolvedClaimFilter> {
  const out: ResolvedClaimFilter = {
    status: f.status,
    ...(f.changedSinceVerdict ? { changedSinceVerdict: true } : {}),
    ...(f.sourceChanged ? { sourceChanged: true } : {}),
  };
  if (f.person) {
    const personId = await findPersonId(db, f.person);
    if (!personId) throw new AppError("bad_request", `person: no person with id or slug "${f.person}".`);
    out.personId = personId;
  }
  if (f.source) {
    const source = await db.source.findUnique({ where: { id: f.source }, select: { id: true } });
    if (!source) throw new AppError("bad_request", `source: no source with id "${f.source}".`);
    out.sourceId = source.id;
  }
  return out;
}

/** The Prisma WHERE clause of a resolved filter. */
export function claimWhere(f: ResolvedClaimFilter): Prisma.ClaimWhereInput {
  const where: Prisma.ClaimWhereInput = {};
  if (f.status) where.status = f.status;
  if (f.personId) where.attribution = { personId: f.personId };
  if (f.sourceId) where.sourceId = f.sourceId;
  if (f.changedSinceVerdict) where.changedSinceVerdict = true;
  if (f.sourceChanged) where.sourceChanged = true;
  return where;
}
