import type { DbTx } from "../db";
import { AppError, notFound } from "../errors";
import type { Prisma } from "../generated/prisma/client";

/** What changed in a source's history after `version`, for a 409's details. */
async function sourceChangesSince(tx: DbTx, sourceId: string, version: number) {
  const rows = await tx.sourceEdit.findMany({
    where: { sourceId, version: { gt: version } },
    orderBy: { version: "asc" },
    select: { kind: true, version: true, changes: true, actorName: true, createdAt: true },
  });
  return rows.map((r) => ({ ...r, changes: JSON.parse(r.changes) as unknown, createdAt: r.createdAt.toISOString() }));
}

/**
 * Optimistic concurrency for a source's metadata, as bumpVersion is for claims: one
 * conditional UPDATE applies `data` and increments the version only at `expectedVersion`;
 * otherwise 409 with the current version and every change since (422 for a version the
 * source never had).
 */
export async function bumpSourceVersion(
  tx: DbTx,
  sourceId: string,
  expectedVersion: number,
  data: Omit<Prisma.SourceUpdateManyMutationInput, "version"> = {},
): Promise<{ version: number }> {
  const updated = await tx.source.updateMany({ where: { id: sourceId, version: expectedVersion }, data: { ...data, version: { increment: 1 } } });
  if (updated.count === 1) return { version: expectedVersion + 1 };
  const current = await tx.source.findUnique({ where: { id: sourceId }, select: { version: true } });
  if (!current) throw notFound("source", sourceId);
  if (expectedVersion > current.version) {
    throw new AppError("unprocessable", `expectedVersion ${expectedVersion} is ahead of the source's current version ${current.version}; send the version you read.`, {
      expectedVersion,
      currentVersion: current.version,
    });
  }
  throw new AppError(
    "conflict",
    `The source changed since version ${expectedVersion}; it is now at version ${current.version}. Reload it, check the changes, and try again.`,
    { expectedVersion, currentVersion: current.version, changes: await sourceChangesSince(tx, sourceId, expectedVersion) },
  );
}
