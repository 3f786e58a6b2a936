// Why two claims match, in a sentence a person can check: the same speaker, the
// quantities both state, the words they share, and a warning when one negates what the
// other says. Pure.
import { stemmer } from "stemmer";
import { negationsIn, prepare } from "./tokens";

export type MatchSide = { text: string; speaker?: string | null };

const quantities = (text: string) => new Set(prepare(text).match(/\d+(?:\.\d+)?%?/g) ?? []);

/** Words of `text` whose stem is among `stems` (the shared terms), as written, at most `max`. */
function wordsFor(text: string, stems: string[], max: number): string[] {
  const wanted = new Set(stems);
  const out: string[] = [];
  for (const w of prepare(text).match(/\p{L}+/gu) ?? []) {
    if (wanted.has(stemmer(w)) && !out.includes(w)) out.push(w);
    if (out.length === max) break;
  }
  return out;
}

export function explainMatch(query: MatchSide, match: MatchSide, shared: string[]): { reason: string; contradiction: boolean } {
  const parts: string[] = [];
  if (query.speaker && match.speaker && query.speaker === match.speaker) parts.push(`same speaker (${match.speaker})`);
  const q = quantities(query.text);
  const both = [...quantities(match.text)].filter((n) => q.has(n));
  if (both.length) parts.push(`both say ${both.join(", ")}`);
  const words = wordsFor(match.text, shared.filter((s) => !/^\d/.test(s)), 6);
  if (words.length) parts.push(`shared words: ${words.map((w) => `“${w}”`).join(", ")}`);
  const negQ = negationsIn(query.text).length > 0;
  const negM = negationsIn(match.text).length > 0;
  const contradiction = negQ !== negM;
  if (contradiction) parts.push(`only ${negQ ? "the new text" : "this claim"} says “${(negQ ? negationsIn(query.text) : negationsIn(match.text))[0]}”: they may contradict each other`);
  const sentence = parts.join("; ");
  return { reason: sentence ? sentence.charAt(0).toUpperCase() + sentence.slice(1) + "." : "Few words in common.", contradiction };
}
