import type { Actor } from "../auth/actor";
import { canEdit } from "../auth/roles";
import type { Db } from "../db";
import { AppError, notFound } from "../errors";
import { suggestClaims } from "../extract/suggest";
import type { Suggestion } from "../extract/suggestion";
import { existingClaimFor } from "./mark-existing";
import { suggestionKey } from "./suggestion-key";

export type SourceSuggestion = Suggestion & { key: string; existingClaimId: string | null };
export type SourceSuggestions = { sourceId: string; items: SourceSuggestion[]; rejected: number };

/** Every suggestion of the source, rejected ones included, with the keys rejected. */
async function allSuggestions(db: Db, options: { actor: Actor; sourceId: string }): Promise<{ items: SourceSuggestion[]; rejected: Set<string> }> {
  if (!canEdit(options.actor.role)) throw new AppError("forbidden", "Suggested claims are for editors.");
  const source = await db.source.findUnique({ where: { id: options.sourceId }, select: { id: true, text: true } });
  if (!source) throw notFound("source", options.sourceId);
  // A person's name is always one of their aliases: the alias rows are every spelling.
  const [aliases, spans, rejections] = await Promise.all([
    db.personAlias.findMany({ select: { personId: true, alias: true } }),
    db.span.findMany({ where: { sourceId: source.id }, select: { claimId: true, start: true, end: true } }),
    db.suggestionRejection.findMany({ where: { sourceId: source.id }, select: { key: true } }),
  ]);
  const known = aliases.map((a) => ({ id: a.personId, name: a.alias, aliases: [] }));
  const items = suggestClaims(source.text, { people: known }).map((s) => ({ ...s, key: suggestionKey(s.content), existingClaimId: existingClaimFor(s.content, spans) }));
  return { items, rejected: new Set(rejections.map((r) => r.key)) };
}

/**
 * The suggested claims of a source, in reading order: speakers matched against the stored
 * people, each marked with the claim it already is, rejected ones left out (counted).
 */
export async function suggestForSource(db: Db, options: { actor: Actor; sourceId: string }): Promise<SourceSuggestions> {
  const { items, rejected } = await allSuggestions(db, options);
  return { sourceId: options.sourceId, items: items.filter((s) => !rejected.has(s.key)), rejected: rejected.size };
}

/** One suggestion of a source by key (a rejected one too, with `includeRejected`), or a 404. */
export async function findSuggestion(db: Db, options: { actor: Actor; sourceId: string; key: string; includeRejected?: boolean }): Promise<SourceSuggestion> {
  const { items, rejected } = await allSuggestions(db, options);
  const found = items.find((s) => s.key === options.key && (options.includeRejected || !rejected.has(s.key)));
  if (!found) throw notFound("suggestion", options.key);
  return found;
}
