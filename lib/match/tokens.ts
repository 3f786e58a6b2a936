// The words a claim or a query is matched on. Pure. Links are dropped; hashtags and
// handles are split into their words (#AustralianFires → australian fires,
// @realDonaldTrump → real donald trump); case and accents are folded; quantities become
// one token (numbers.ts); common words go; the rest is reduced to its Porter stem, so
// "shooting" meets "shoot" and "migrants" meets "migrant".
import { stemmer } from "stemmer";
import { canonicalNumbers } from "./numbers";

const STOP = new Set(
  ("a an the of to in on for and or is are was were be been being it its this that these those with as at by from has have had do does did " +
    "but if so than then there their they them he she his her him we you your our i me my who whom which what when where why how all any " +
    "some such only also just very can could will would should may might must into about over after before up down out more most other").split(" "),
);
/** Words that turn a statement around: a match that differs in them may be a contradiction. */
export const NEGATIONS = new Set(["not", "no", "never", "nobody", "nothing", "none", "neither", "nor", "without", "deny", "denied", "denies", "false", "fake", "hoax"]);

const splitCamel = (s: string) => s.replace(/([\p{Ll}\d])(\p{Lu})/gu, "$1 $2").replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, "$1 $2");

// A request prepares the same texts several times (its own text for every match it
// explains; a speaker's names and a source's title for every claim of theirs).
const PREPARED = new Map<string, string>();
const PREPARED_MAX = 5_000;

/** The text made ready to cut into words: links out, tags split, lower case, accents folded, numbers canonical. */
export function prepare(text: string): string {
  let out = PREPARED.get(text);
  if (out === undefined) {
    if (PREPARED.size >= PREPARED_MAX) PREPARED.clear();
    out = prepareUncached(text);
    PREPARED.set(text, out);
  }
  return out;
}

/** Links (and tweets' picture links), which say nothing a reader could match on. */
export const LINKS = /\bhttps?:\/\/\S+|\bpic\.twitter\.com\/\S+|\bwww\.\S+/giu;

function prepareUncached(text: string): string {
  const noLinks = text.replace(LINKS, " ");
  const tags = noLinks.replace(/[#@](\p{L}[\p{L}\p{N}_]*)/gu, (_, tag: string) => ` ${splitCamel(tag).replace(/_/g, " ")} `);
  const folded = tags.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "").replace(/n['’]t\b/g, " not");
  return canonicalNumbers(folded);
}

// Stemming is most of the cost of tokenizing a claim, and a newsroom's words repeat: each
// word's stem is kept (a bounded memo, cleared when full). Every stem in lib/match comes from here.
const STEMS = new Map<string, string>();
const STEMS_MAX = 100_000;
export function stem(word: string): string {
  let s = STEMS.get(word);
  if (s === undefined) {
    if (STEMS.size >= STEMS_MAX) STEMS.clear();
    s = stemmer(word);
    STEMS.set(word, s);
  }
  return s;
}

/** Every word of `text` (prepared: folded, quantities canonical) with its token, in order, stop words left out. */
export function matchWords(text: string): { word: string; token: string }[] {
  const words = prepare(text).match(/\d+(?:\.\d+)?%?|\p{L}+/gu) ?? [];
  const out: { word: string; token: string }[] = [];
  for (const word of words) {
    if (STOP.has(word)) continue;
    out.push({ word, token: /^\d/.test(word) ? word : stem(word) });
  }
  return out;
}

/** Every word of `text` as it is matched, in order (stop words left out). */
export function matchTokens(text: string): string[] {
  return matchWords(text).map((w) => w.token);
}

/** Negation words present in `text` (before stemming). */
export function negationsIn(text: string): string[] {
  return (prepare(text).match(/\p{L}+/gu) ?? []).filter((w) => NEGATIONS.has(w));
}
