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
export type SpeakerIndex = { exact: Map<string, Spelling[]>; byKey: Map<string, Spelling[]> };

/**
 * Keys of a name's words under which near spellings meet: the first and the last three
 * consonants of each word's phonetic form. One edit or a transliteration variant
 * (Toqaev/Tokayev → "tkv", Zelensky/Zelenskyy → "zln"/"nsk") leaves at least one of them.
 */
function nearKeys(tokens: string[]): Set<string> {
  const keys = new Set<string>();
  for (const t of tokens) {
    if (t.length < 3) continue;
    const skeleton = phoneticForm(t).replace(/[aeiou]/g, "") || t;
    keys.add(`<${skeleton.slice(0, 3)}`);
    keys.add(`>${skeleton.slice(-3)}`);
  }
  return keys;
}

// What a spelling folds to depends on the spelling alone: remembered across calls (a
// source page builds the index of every stored spelling on each view), within a bound.
const folded = new Map<string, { key: string; near: Set<string> }>();
function foldSpelling(spelling: string): { key: string; near: Set<string> } {
  let f = folded.get(spelling);
  if (!f) {
    if (folded.size >= 200_000) folded.clear();
    const tokens = nameTokens(spelling);
    folded.set(spelling, (f = { key: tokens.join(" "), near: nearKeys(tokens) }));
  }
  return f;
}

export function speakerIndex(people: PersonSpellings[]): SpeakerIndex {
  const index: SpeakerIndex = { exact: new Map(), byKey: new Map() };
  for (const p of people) {
    for (const spelling of [p.name, ...p.aliases]) {
      const { key, near } = foldSpelling(spelling);
      const entry = { id: p.id, spelling };
      const same = index.exact.get(key);
      if (same) same.push(entry);
      else index.exact.set(key, [entry]);
      for (const k of near) {
        const bucket = index.byKey.get(k);
        if (bucket) bucket.push(entry);
        else index.byKey.set(k, [entry]);
      }
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
  // Every written word must match a stored word: candidates share a key with each of them.
  let candidates: Set<Spelling> | undefined;
  for (const t of tokens.filter((w) => w.length >= 3)) {
    const near = new Set<Spelling>([...nearKeys([t])].flatMap((k) => index.byKey.get(k) ?? []));
    const before: Set<Spelling> | undefined = candidates;
    candidates = before ? new Set([...before].filter((c) => near.has(c))) : near;
  }
  if (!candidates) return null;
  const best = unique([...candidates].filter((s) => nearNameMatch(name, s.spelling) !== null));
  return best ? { id: best.id, matchedAlias: best.spelling, how: "near" } : null;
}
