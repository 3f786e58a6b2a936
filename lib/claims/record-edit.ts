import type { Actor } from "../auth/actor";
import type { DbTx } from "../db";
import { newId } from "../ids";

export type FieldChanges = Record<string, { from: unknown; to: unknown }>;

/** Appends an entry to a claim's edit history (the table is append-only). */
export async function recordEdit(
  tx: DbTx,
  entry: { claimId: string; version: number; kind?: "edit" | "person-merge" | "source-revision"; changes: FieldChanges; actor: Pick<Actor, "name"> & { id: string | null } },
): Promise<void> {
  await tx.claimEdit.create({
    data: {
      id: newId(),
      claimId: entry.claimId,
      kind: entry.kind ?? "edit",
      version: entry.version,
      changes: JSON.stringify(entry.changes),
      actorId: entry.actor.id,
      actorName: entry.actor.name,
    },
  });
}
