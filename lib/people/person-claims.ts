import { claimSummarySelect } from "../claims/claim-dto";
import type { DbTx } from "../db";
import { readInChunks } from "../db-chunks";

/** Every claim attributed to the person, newest first (read in chunks: lib/db-chunks.ts). */
export function personClaims(db: DbTx, personId: string) {
  return readInChunks((chunk) =>
    db.claim.findMany({ where: { attribution: { personId } }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: claimSummarySelect, ...chunk }),
  );
}
