// Which stored person a name written in an article refers to, for suggestions. Pure.
// Tried in order, and only a single person counts (two candidates → no match, the editor
// chooses): the name or an alias exactly (case, accents and punctuation aside); then a
// near spelling of a transliteration or a part of the stored name ("Tokayev" for alias
// "Toqaev", "Zelenskyy" for "Zelensky", "Putin" for "Vladimir Putin"). The alias that
// matched is reported so the editor sees why; nothing is merged.
import { nameTokens, nearNameMatch, phoneticForm } from "./name-match";

export type PersonSpellings = { id: string; name: string; aliases: string[] };
export type SpeakerMatch = { id: string; matchedAlias: string; how: "exact" | "near" };
type Spelling = { id: string; spelling: string };

/** The people's spellings indexed for repeated lookups (a source's suggestions against every person). */
export type SpeakerIndex = { exact: Map<string, Spelling[]>; byInitial: Map<string, Spelling[]> };

const initials = (tokens: string[]) => new Set(tokens.filter((t) => t.length >= 3).map((t) => phoneticForm(t)[0] ?? ""));

export function speakerIndex(people: PersonSpellings[]): SpeakerIndex {
  const index: SpeakerIndex = { exact: new Map(), byInitial: new Map() };
  for (const p of people) {
    for (const spelling of [p.name, ...p.aliases]) {
      const tokens = nameTokens(spelling);
      const entry = { id: p.id, spelling };
      const key = tokens.join(" ");
      index.exact.set(key, [...(index.exact.get(key) ?? []), entry]);
      // Near spellings keep the first sound of some word (Toqaev/Tokayev, Zelensky/Zelenskyy).
      for (const i of initials(tokens)) index.byInitial.set(i, [...(index.byInitial.get(i) ?? []), entry]);
    }
  }
  return index;
}

function unique(hits: Spelling[]): Spelling | null {
  return new Set(hits.map((h) => h.id)).size === 1 ? hits[0]! : null;
}

export function matchSpeaker(name: string, people: PersonSpellings[] | SpeakerIndex): SpeakerMatch | null {
  const index = Array.isArray(people) ? speakerIndex(people) : people;
  const tokens = nameTokens(name);
  if (tokens.length === 0) return null;
  const exactHits = index.exact.get(tokens.join(" ")) ?? [];
  const exact = unique(exactHits);
  if (exact) return { id: exact.id, matchedAlias: exact.spelling, how: "exact" };
  if (exactHits.length) return null;
  const candidates = new Set([...initials(tokens)].flatMap((i) => index.byInitial.get(i) ?? []));
  const best = unique([...candidates].filter((s) => nearNameMatch(name, s.spelling) !== null));
  return best ? { id: best.id, matchedAlias: best.spelling, how: "near" } : null;
}
