import type { DbTx } from "../db";
import { notFound } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { sourceSummarySelect } from "./claim-dto";
import { type ClaimDetail, claimDetailDto, claimDetailSelect } from "./get-claim";

const select = {
  ...claimDetailSelect,
  source: { select: { ...sourceSummarySelect, text: true } },
} as const satisfies Prisma.ClaimSelect;

/** A claim (as getClaim) and its source's text in one query: the claim page shows the quote in its paragraph. */
export async function getClaimWithSourceText(db: DbTx, id: string): Promise<{ claim: ClaimDetail; sourceText: string }> {
  const row = await db.claim.findUnique({ where: { id }, select });
  if (!row) throw notFound("claim", id);
  const { text, ...source } = row.source;
  return { claim: claimDetailDto({ ...row, source }), sourceText: text };
}
