import type { Actor } from "../auth/actor";
import type { Db } from "../db";
import { newId } from "../ids";
import { findSuggestion } from "./suggest-for-source";

/** An editor rejects a suggestion: it is remembered for the source and not proposed again. Idempotent. */
export async function rejectSuggestion(db: Db, options: { actor: Actor; sourceId: string; key: string }): Promise<{ key: string; rejected: true }> {
  const s = await findSuggestion(db, { ...options, includeRejected: true });
  await db.suggestionRejection.upsert({
    where: { sourceId_key: { sourceId: options.sourceId, key: s.key } },
    update: {},
    create: { id: newId(), sourceId: options.sourceId, key: s.key, kind: s.kind, exact: s.content[0]!.exact, actorId: options.actor.id, actorName: options.actor.name },
  });
  return { key: s.key, rejected: true };
}

/** Undoes a rejection: the suggestion is proposed again. Idempotent. */
export async function restoreSuggestion(db: Db, options: { actor: Actor; sourceId: string; key: string }): Promise<{ key: string; rejected: false }> {
  await findSuggestion(db, { ...options, includeRejected: true });
  await db.suggestionRejection.deleteMany({ where: { sourceId: options.sourceId, key: options.key } });
  return { key: options.key, rejected: false };
}
