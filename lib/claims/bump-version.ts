import type { DbTx } from "../db";
import { AppError, notFound } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { changesSince } from "./changes-since";

/**
 * Optimistic concurrency for every change to a claim: applies `data` and increments the
 * version only if the claim is still at `expectedVersion` (one conditional UPDATE, so
 * of N concurrent writers exactly one wins). Otherwise 409, with the current version,
 * status and text and every change made since the version the editor saw; 422 for a
 * version the claim has not reached.
 */
export async function bumpVersion(
  tx: DbTx,
  claimId: string,
  expectedVersion: number,
  data: Omit<Prisma.ClaimUpdateManyMutationInput, "version"> = {},
): Promise<{ version: number }> {
  const updated = await tx.claim.updateMany({ where: { id: claimId, version: expectedVersion }, data: { ...data, version: { increment: 1 } } });
  if (updated.count === 1) return { version: expectedVersion + 1 };
  const current = await tx.claim.findUnique({ where: { id: claimId }, select: { version: true, status: true, text: true } });
  if (!current) throw notFound("claim", claimId);
  // A version the claim never had is a client's mistake, not a conflict with another editor.
  if (expectedVersion > current.version) {
    throw new AppError("unprocessable", `expectedVersion ${expectedVersion} is ahead of the claim's current version ${current.version}; send the version you read.`, {
      expectedVersion,
      currentVersion: current.version,
    });
  }
  throw new AppError(
    "conflict",
    `The claim changed since version ${expectedVersion}; it is now at version ${current.version}. Reload it, check the changes, and try again.`,
    {
      expectedVersion,
      currentVersion: current.version,
      current: { status: current.status, text: current.text },
      changes: await changesSince(tx, claimId, expectedVersion),
    },
  );
}
