import type { DbTx } from "../db";
import { nearNameMatch } from "./name-match";

export type SpeakerCandidate = { id: string; name: string; slug: string; alias: string };

/**
 * People with a spelling close to `typed` (lib/people/name-match), best first: matches
 * on part of the name before other spellings, then by name. One entry per person, with
 * the spelling that matched. Reads every alias: fine for a newsroom's thousands of people.
 */
export async function nearSpeakers(db: DbTx, typed: string, limit = 10): Promise<SpeakerCandidate[]> {
  const aliases = await db.personAlias.findMany({ select: { alias: true, person: { select: { id: true, name: true, slug: true } } } });
  const best = new Map<string, SpeakerCandidate & { rank: number }>();
  for (const a of aliases) {
    const why = nearNameMatch(typed, a.alias);
    if (!why) continue;
    const rank = (why === "part" ? 0 : 2) + (a.alias === a.person.name ? 0 : 1);
    const old = best.get(a.person.id);
    if (!old || rank < old.rank) best.set(a.person.id, { ...a.person, alias: a.alias, rank });
  }
  return [...best.values()]
    .sort((x, y) => x.rank - y.rank || x.name.localeCompare(y.name))
    .slice(0, limit)
    .map(({ rank: _rank, ...c }) => c);
}
