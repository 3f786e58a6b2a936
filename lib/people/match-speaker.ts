// Which stored person a name written in an article refers to, for suggestions. Pure.
// Tried in order, and only a single person counts (two candidates → no match, the editor
// chooses): the name or an alias exactly (case, accents and punctuation aside); then a
// near spelling of a transliteration or a part of the stored name ("Tokayev" for alias
// "Toqaev", "Zelenskyy" for "Zelensky", "Putin" for "Vladimir Putin"). The alias that
// matched is reported so the editor sees why; nothing is merged.
import { nameTokens, nearNameMatch } from "./name-match";

export type PersonSpellings = { id: string; name: string; aliases: string[] };
export type SpeakerMatch = { id: string; matchedAlias: string; how: "exact" | "near" };

function unique(hits: { id: string; spelling: string }[]): { id: string; spelling: string } | null {
  const ids = new Set(hits.map((h) => h.id));
  return ids.size === 1 ? hits[0]! : null;
}

export function matchSpeaker(name: string, people: PersonSpellings[]): SpeakerMatch | null {
  const folded = nameTokens(name).join(" ");
  if (!folded) return null;
  const spellings = people.flatMap((p) => [p.name, ...p.aliases].map((spelling) => ({ id: p.id, spelling })));
  const exact = unique(spellings.filter((s) => nameTokens(s.spelling).join(" ") === folded));
  if (exact) return { id: exact.id, matchedAlias: exact.spelling, how: "exact" };
  if (spellings.some((s) => nameTokens(s.spelling).join(" ") === folded)) return null;
  const near = spellings.filter((s) => nearNameMatch(name, s.spelling) !== null);
  const best = unique(near);
  return best ? { id: best.id, matchedAlias: best.spelling, how: "near" } : null;
}
