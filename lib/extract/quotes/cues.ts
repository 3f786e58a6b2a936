// Speech and belief cues in a run of tokens: the verb with its auxiliaries ("has also
// said"), the addressee of "told" ("told RFE/RL"), and "according to".
import { AUXILIARIES, BELIEF_CUES, SPEECH_CUES, STANCE_CUES, WEAK_INDIRECT } from "./lexicon";
import type { Range, Token } from "./text";

export type Cue = {
  /** Index of the first token of the verb group (auxiliaries included). */
  first: number;
  /** Index of the verb itself. */
  verb: number;
  /** Index after the cue (after the addressee of "told", after "to" of "according to"). */
  after: number;
  kind: "speech" | "belief" | "stance" | "according";
  word: string;
  span: Range;
};

const ADDRESSEE_VERBS = new Set(["told", "tells", "tell", "telling", "asked", "asks", "warned", "urged", "assured", "reminded"]);
const STOP_ADDRESSEE = new Set(
  ["that", ",", ":", ".", ";", "“", '"', "''", "”", "—", "–", "(", "to", "about", "if", "whether", "in", "on", "at", "before", "after",
    "during", "for", "with", "from", "last", "this", "the", "a", "an", "he", "she", "they", "it", "we", "i", "his", "her", "their", "its", "there"],
);
const lower = (t: Token | undefined) => (t ? t.text.toLowerCase() : "");

/** Is tokens[i] a cue verb? Nouns that look like verbs ("the report", "his plans") are left out. */
export function cueAt(tokens: Token[], i: number): Cue | null {
  const w = lower(tokens[i]);
  if (w === "according" && lower(tokens[i + 1]) === "to") {
    return { first: i, verb: i, after: i + 2, kind: "according", word: "according to", span: { start: tokens[i]!.start, end: tokens[i + 1]!.end } };
  }
  // Verbs are lowercase in running text: "States", "Post" and "Rep" are names.
  if (!/^\p{Ll}/u.test(tokens[i]!.text) && !/^Tweet/.test(tokens[i]!.text)) return null;
  const speech = SPEECH_CUES.has(w);
  const belief = !speech && BELIEF_CUES.has(w);
  const stance = !speech && !belief && STANCE_CUES.has(w);
  if (!speech && !belief && !stance) return null;
  const prev = lower(tokens[i - 1]);
  // An infinitive ("held talks to discuss", "declined to say") is not itself a statement.
  if (prev === "to") return null;
  if (["the", "a", "an", "his", "her", "their", "its", "our", "this", "that", "these", "those", "so"].includes(prev)) return null;
  if (prev === "is" || prev === "was" || prev === "were" || prev === "are" || prev === "be" || prev === "been") {
    // Passive ("was called", "is expected"): not a statement by the subject.
    // Passive ("was called", "is expected") is not a statement by the subject; the progressive ("is pledging") is.
    if (!w.endsWith("ing")) return null;
  }
  let first = i;
  while (first > 0 && AUXILIARIES.has(lower(tokens[first - 1]))) first--;
  let after = i + 1;
  if (ADDRESSEE_VERBS.has(w) && after < tokens.length && !STOP_ADDRESSEE.has(lower(tokens[after]))) {
    // The addressee is a short noun phrase: "told RFE/RL", "told reporters", "told The New York Times".
    let j = after + 1;
    while (j < tokens.length && j - after < 5 && (!STOP_ADDRESSEE.has(lower(tokens[j])) || /^\p{Lu}/u.test(tokens[j]!.text) && !["He", "She", "They", "It", "We", "I"].includes(tokens[j]!.text))) j++;
    if (j - after <= 4) after = j;
  }
  const last = tokens[after - 1]!;
  return {
    first,
    verb: i,
    after,
    kind: speech ? "speech" : belief ? "belief" : "stance",
    word: w,
    span: { start: tokens[first]!.start, end: last.end },
  };
}

/** Weak cues ("called", "showed") report a statement only with a that-clause. */
export function weakWithoutThat(cue: Cue, tokens: Token[]): boolean {
  return WEAK_INDIRECT.has(cue.word) && lower(tokens[cue.after]) !== "that";
}
