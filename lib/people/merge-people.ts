import type { Actor } from "../auth/actor";
import type { Db, DbTx } from "../db";
import { AppError, notFound } from "../errors";
import { foldName, newId } from "../ids";
import { parseInput } from "../validation";
import { resolvePersonId } from "./resolve-person-id";
import { mergePeopleInput } from "./schemas";

export type ActorRef = Pick<Actor, "id" | "name">;
export type MergePeopleOptions = {
  actor: ActorRef;
  /** The person who remains (id, slug, or a merged person's old id). */
  survivorId: string;
  /** The person merged away (id or slug of a live person). */
  mergedId: string;
  /** Claim id -> the version the editor saw; a claim that has moved on makes it a 409. */
  expectedVersions?: Record<string, number>;
};
type PersonRef = { id: string; name: string; slug: string };
export type MergeSummary = { survivor: PersonRef; merged: PersonRef; movedClaims: string[] };

/**
 * Merges one person into another (e.g. a transliteration pair such as Toqaev / Tokayev)
 * in one transaction: their claims, aliases and earlier merges move to the survivor,
 * each moved claim gets a new version and a history entry, and a PersonMerge record
 * keeps the old id resolving to the survivor. Any failure leaves everything as it was.
 */
export async function mergePeople(db: Db, options: MergePeopleOptions): Promise<MergeSummary> {
  const { mergedId, expectedVersions = {} } = parseInput(
    mergePeopleInput,
    { mergedId: options.mergedId, expectedVersions: options.expectedVersions },
    "unprocessable",
  );
  return db.$transaction((tx) => mergeIn(tx, { ...options, mergedId, expectedVersions }));
}

async function mergeIn(tx: DbTx, o: Required<MergePeopleOptions>): Promise<MergeSummary> {
  const survivor = await resolvePersonId(tx, o.survivorId);
  if (!survivor) throw notFound("person", o.survivorId);
  const mergedRef = await resolvePersonId(tx, o.mergedId);
  if (!mergedRef) throw new AppError("not_found", `mergedId: ${notFound("person", o.mergedId).message}`);
  if (mergedRef.mergedFrom) {
    throw new AppError("conflict", `mergedId: "${o.mergedId}" was already merged into ${mergedRef.name} (${mergedRef.id}).`);
  }
  if (mergedRef.id === survivor.id) throw new AppError("unprocessable", `mergedId: cannot merge ${survivor.name} into themselves.`);

  const merged = await tx.person.findUniqueOrThrow({
    where: { id: mergedRef.id },
    select: {
      id: true,
      name: true,
      slug: true,
      aliases: { select: { id: true, folded: true }, orderBy: { alias: "asc" } },
      attributions: { select: { claimId: true, claim: { select: { version: true } } }, orderBy: { claimId: "asc" } },
    },
  });
  const claims = merged.attributions.map((a) => ({ id: a.claimId, version: a.claim.version }));
  const stray = Object.keys(o.expectedVersions).filter((id) => !claims.some((c) => c.id === id));
  if (stray.length) {
    throw new AppError("conflict", `expectedVersions: claim ${stray.join(", ")} is no longer attributed to ${merged.name}.`, { claimIds: stray });
  }

  const from = { id: merged.id, name: merged.name };
  const to = { id: survivor.id, name: survivor.name };
  for (const claim of claims) {
    // Guarded like a review: a claim changed since the editor saw it is not silently moved.
    const expected = o.expectedVersions[claim.id] ?? claim.version;
    const bumped = await tx.claim.updateMany({ where: { id: claim.id, version: expected }, data: { version: { increment: 1 } } });
    if (bumped.count !== 1) {
      throw new AppError("conflict", `Claim ${claim.id} changed since version ${expected}; it is now at version ${claim.version}.`, {
        claimId: claim.id,
        currentVersion: claim.version,
      });
    }
  }
  await tx.attribution.updateMany({ where: { personId: merged.id }, data: { personId: survivor.id } });
  await tx.claimEdit.createMany({
    data: claims.map((c) => ({
      id: newId(),
      claimId: c.id,
      kind: "person-merge",
      version: (o.expectedVersions[c.id] ?? c.version) + 1,
      changes: JSON.stringify({ person: { from, to } }),
      actorId: o.actor.id,
      actorName: o.actor.name,
    })),
  });

  await moveAliases(tx, merged, survivor.id);
  // Earlier merges into the merged person now point at the survivor, so their ids resolve in one step.
  await tx.personMerge.updateMany({ where: { survivorId: merged.id }, data: { survivorId: survivor.id } });
  await tx.personMerge.create({
    data: {
      id: newId(),
      survivorId: survivor.id,
      mergedId: merged.id,
      mergedName: merged.name,
      mergedSlug: merged.slug,
      claimIds: JSON.stringify(claims.map((c) => c.id)),
      actorId: o.actor.id,
      actorName: o.actor.name,
    },
  });
  // The merged person's remaining aliases (spellings the survivor already has) go with it (cascade).
  await tx.person.delete({ where: { id: merged.id } });
  return {
    survivor: { id: survivor.id, name: survivor.name, slug: survivor.slug },
    merged: { id: merged.id, name: merged.name, slug: merged.slug },
    movedClaims: claims.map((c) => c.id),
  };
}

/** Moves every spelling the survivor lacks (compared folded) and makes the merged name one of them. */
async function moveAliases(tx: DbTx, merged: { name: string; aliases: { id: string; folded: string }[] }, survivorId: string) {
  const have = new Set((await tx.personAlias.findMany({ where: { personId: survivorId }, select: { folded: true } })).map((a) => a.folded));
  const move: string[] = [];
  for (const a of merged.aliases) {
    if (have.has(a.folded)) continue;
    have.add(a.folded);
    move.push(a.id);
  }
  if (move.length) await tx.personAlias.updateMany({ where: { id: { in: move } }, data: { personId: survivorId } });
  const folded = foldName(merged.name);
  if (!have.has(folded)) await tx.personAlias.create({ data: { id: newId(), personId: survivorId, alias: merged.name, folded } });
}
