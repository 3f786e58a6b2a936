// The words of an attribution that refer to its speaker, read off the tokens next to a
// cue: a name ("Toqaev"), a name with its role ("Kremlin spokesman Dmitry Peskov"; "Andrew
// D'Anieri, associate director of …,"), a pronoun ("he") or a description ("analysts",
// "the spokesman"). No parser: capitalisation, commas and short word lists.
import { CLAUSE_OPENERS, NOT_NAMES, ORGANISATION_WORDS, PRONOUNS, TITLES } from "./lexicon";
import { isLower, isUpper, type Range, type Token } from "./text";

export type SpeakerPhrase = {
  span: Range;
  kind: "name" | "pronoun" | "description" | "relative";
  /** For "who"/"which": the name it refers back to ("Toqaev, who said …"). */
  antecedent?: Range;
  organisation: boolean;
  role: Range | null;
};

const QUANTITIES = new Set("about nearly almost more most half many some all few several roughly only just over under".split(" "));
/** Group nouns that speak as sources: "police said", "officials say". */
const GROUPS = new Set("police officials authorities experts analysts aides sources critics observers supporters residents voters people organizers witnesses prosecutors investigators democrats republicans researchers scientists economists advocates lawmakers leaders staff spokesman spokeswoman spokesperson".split(" "));
const DETERMINERS = new Set("the a an this that these those some many most several other his her their its our two three four five".split(" "));
const PREPOSITIONS = new Set("for of at with from in on by to".split(" "));
const BOUNDARY = new Set([",", ":", ";", "—", "–", "(", ")", "“", "”", '"', "''", "«", "»"]);
const lower = (t: Token) => t.text.toLowerCase();

const nameWord = (t: Token): boolean =>
  t.word && (isUpper(t.text) || /^(?:de|van|von|der|bin|al|la|le|du|da|di)$/.test(t.text)) && !NOT_NAMES.has(lower(t));
const span = (a: Token, b: Token): Range => ({ start: a.start, end: b.end });

/** A chunk that ends in a name (optionally after a title) → name, role; else a description or nothing. */
export function phraseOf(chunk: Token[]): SpeakerPhrase | null {
  // The subject right before the cue: after the last clause opener ("when she", "and he").
  let open = -1;
  chunk.forEach((t, i) => { if (CLAUSE_OPENERS.has(lower(t)) && i < chunk.length - 1) open = i; });
  if (open >= 0) chunk = chunk.slice(open + 1);
  while (chunk.length && !chunk[0]!.word) chunk = chunk.slice(1);
  if (chunk.length === 0 || chunk.length > 12) return null;
  const first = chunk[0]!;
  const last = chunk.at(-1)!;
  if (chunk.length === 1 && PRONOUNS.has(lower(first))) return { span: span(first, first), kind: "pronoun", organisation: false, role: null };
  // The trailing run of capitalised words.
  let k = chunk.length;
  while (k > 0 && (nameWord(chunk[k - 1]!) || (lower(chunk[k - 1]!) === "of" && k > 1 && nameWord(chunk[k - 2]!) && k < chunk.length))) k--;
  const run = chunk.slice(k);
  const before = chunk.slice(0, k);
  // "the Kremlin" is an organisation; "Kremlin spokesman Dmitry Peskov" is a person whose role names one.
  const organisation = run.some((t) => ORGANISATION_WORDS.has(lower(t))) && !run.some((t) => TITLES.has(lower(t).replace(/\.$/, "")));
  const describedByPreposition = before.some((t) => PREPOSITIONS.has(lower(t)));
  const titledName = run.some((t, i) => i < run.length - 2 && TITLES.has(lower(t).replace(/\.$/, "")));
  if (run.length > 0 && (!describedByPreposition || titledName) && !/['’]s$/.test(last.text)) {
    let titleEnd = -1;
    run.forEach((t, i) => { if (TITLES.has(lower(t).replace(/\.$/, "")) && i < run.length - 1) titleEnd = i; });
    // "Secretary of State Madeleine Albright": the title's "of State" is not the name.
    while (titleEnd >= 0 && lower(run[titleEnd + 1] ?? chunk[0]!) === "of" && titleEnd + 3 < run.length) titleEnd += 2;
    const nameTokens = run.slice(titleEnd + 1);
    const roleTokens = [...before.filter((t) => !DETERMINERS.has(lower(t)) || before.indexOf(t) > 0), ...run.slice(0, titleEnd + 1)];
    const hasTitle = titleEnd >= 0 || before.some((t) => TITLES.has(lower(t)));
    // "Virginia delegate Beau Correll": words before a full name describe the person.
    const describedFullName = nameTokens.length >= 2 && before.length > 0 && (before.length <= 5 || titleEnd >= 0);
    if (nameTokens.length > 0 && nameTokens.length <= 5 && (before.length === 0 || hasTitle || organisation || describedFullName)) {
      const role = (hasTitle || describedFullName) && roleTokens.length ? span(roleTokens[0]!, roleTokens.at(-1)!) : null;
      const nameSpan = organisation ? span(run[0]!, last) : span(nameTokens[0]!, last);
      return { span: nameSpan, kind: "name", organisation, role };
    }
  }
  const head = lower(last);
  const plausible =
    DETERMINERS.has(lower(first)) || QUANTITIES.has(lower(first)) || /^\d/.test(first.text) || GROUPS.has(head) ||
    (chunk.length <= 4 && (ORGANISATION_WORDS.has(head) || TITLES.has(head))) ||
    (chunk.length <= 3 && /s$/.test(head) && chunk.every((t) => t.word));
  if (!plausible || chunk.length > 7 || !nounPhraseLike(chunk)) return null;
  return { span: span(first, last), kind: "description", organisation, role: null };
}

const NOT_IN_NOUN_PHRASE = new Set("has have had is was are were be been will would did does do not to that which who".split(" "));

/** No verb-looking word inside, and it does not end on a function word. */
function nounPhraseLike(chunk: Token[]): boolean {
  const last = lower(chunk.at(-1)!);
  if (PREPOSITIONS.has(last) || DETERMINERS.has(last) || CLAUSE_OPENERS.has(last)) return false;
  return chunk.every((t, i) => !isLower(t.text) || !(NOT_IN_NOUN_PHRASE.has(lower(t)) || (i > 0 && /ed$/.test(lower(t)) && i === chunk.length - 1)));
}

/** The subject a sentence opens with: "Vermont Sen. Bernie Sanders also sent …" → the name. */
export function sentenceSubject(tokens: Token[]): SpeakerPhrase | null {
  let run = 0;
  while (run < tokens.length && nameWord(tokens[run]!)) run++;
  if (run > 0 && run < tokens.length && (isLower(tokens[run]!.text) || tokens[run]!.text === ",")) {
    const named = tokens[run]!.text === "," ? apposition(tokens.slice(0, tokens.findIndex((t, i) => i > run && t.text === ",") + 1 || undefined).slice(0, -1)) : phraseOf(tokens.slice(0, run));
    if (named?.kind === "name") return named;
  }
  let j = 0;
  while (j < tokens.length && j < 9 && (!isLower(tokens[j]!.text) || DETERMINERS.has(lower(tokens[j]!)) || (j > 0 && isLower(tokens[j]!.text) && !/(?:ed|s)$/.test(lower(tokens[j]!)) && !NOT_IN_NOUN_PHRASE.has(lower(tokens[j]!)) && j < 4))) {
    if (!tokens[j]!.word && tokens[j]!.text !== ".") return null;
    j++;
  }
  if (j === 0 || j >= tokens.length) return null;
  const phrase = phraseOf(tokens.slice(0, j));
  return phrase && phrase.kind !== "description" ? phrase : phrase && DETERMINERS.has(lower(tokens[0]!)) ? phrase : null;
}

/** The speaker written before a cue: `tokens` end right before the cue's verb group. */
export function speakerBefore(tokens: Token[]): SpeakerPhrase | null {
  if (tokens.at(-1)?.text === ")") {
    const open = tokens.map((t) => t.text).lastIndexOf("(");
    if (open > 0) tokens = tokens.slice(0, open);
  }
  tokens = withoutTrailingTime(tokens);
  if (tokens.length === 0) return null;
  const lastText = lower(tokens.at(-1)!);
  if (lastText === "who" || lastText === "which") {
    const comma = tokens.length - 2;
    if (comma < 1 || tokens[comma]!.text !== ",") return null;
    const antecedent = phraseOf(trailingNames(chunkBefore(tokens, comma)));
    return antecedent?.kind === "name"
      ? { kind: "relative", span: span(tokens.at(-1)!, tokens.at(-1)!), antecedent: antecedent.span, role: null, organisation: antecedent.organisation }
      : null;
  }
  if (lastText === "," || lastText === "—" || lastText === "–") return apposition(tokens.slice(0, -1));
  const chunk = chunkBefore(tokens, tokens.length);
  return phraseOf(chunk) ?? coordinatedSubject(chunk);
}

/** "Toqaev held talks with Trump and [heralded]": the subject of the first verb. */
function coordinatedSubject(chunk: Token[]): SpeakerPhrase | null {
  if (!chunk.some((t) => t.text === "and")) return null;
  let k = 0;
  while (k < chunk.length && CLAUSE_OPENERS.has(lower(chunk[k]!))) k++;
  const lead = chunk[k];
  if (lead && PRONOUNS.has(lower(lead))) return phraseOf([lead]);
  let e = k;
  while (e < chunk.length && nameWord(chunk[e]!)) e++;
  return e > k && e < chunk.length && isLower(chunk[e]!.text) ? phraseOf(chunk.slice(k, e)) : null;
}

function trailingNames(chunk: Token[]): Token[] {
  let k = chunk.length;
  while (k > 0 && nameWord(chunk[k - 1]!)) k--;
  return chunk.slice(k);
}

const WEEKDAYS = new Set("monday tuesday wednesday thursday friday saturday sunday".split(" "));
const TIME_WORDS = new Set("yesterday today earlier later recently previously once again".split(" "));

/** "Hillary Clinton on Tuesday [said]", "Peskov last week [said]": the time is not the speaker. */
function withoutTrailingTime(tokens: Token[]): Token[] {
  let end = tokens.length;
  for (;;) {
    const last = lower(tokens[end - 1] ?? ({ text: "" } as Token));
    const prev = lower(tokens[end - 2] ?? ({ text: "" } as Token));
    if (WEEKDAYS.has(last) && (prev === "on" || prev === "last")) end -= 2;
    else if (WEEKDAYS.has(last) || TIME_WORDS.has(last) || (/^\p{Ll}+ly$/u.test(last) && end > 1)) end -= 1;
    else if (["week", "month", "year", "night", "morning"].includes(last) && ["last", "this"].includes(prev)) end -= 2;
    else break;
  }
  return tokens.slice(0, end);
}

/** The tokens after the last boundary before `end`. */
export function chunkBefore(tokens: Token[], end: number): Token[] {
  let s = end;
  while (s > 0 && !BOUNDARY.has(tokens[s - 1]!.text)) s--;
  return tokens.slice(s, end);
}

/** "Name, role, …," before a cue: the name chunk is the last one that does not start like a description. */
function apposition(tokens: Token[]): SpeakerPhrase | null {
  const chunks: Token[][] = [[]];
  for (const t of tokens) {
    if (t.text === "," || t.text === "—" || t.text === "–") chunks.push([]);
    else chunks.at(-1)!.push(t);
  }
  // "her senior policy adviser, Jake Sullivan, [said]": the name may come last, after its description.
  const last = chunks.at(-1)!;
  const before = chunks.at(-2);
  if (chunks.length >= 2 && last.length && before?.length && DETERMINERS.has(lower(before[0]!)) && !isLower(last[0]!.text)) {
    const named = phraseOf(last);
    const described = phraseOf(before);
    if (named?.kind === "name" && described?.kind === "description") return { ...named, role: span(before.find((t, k) => k > 0 || !DETERMINERS.has(lower(t))) ?? before[0]!, before.at(-1)!) };
  }
  for (let i = chunks.length - 2; i >= 0; i--) {
    const c = chunks[i]!;
    if (c.length === 0) return null;
    const opener = lower(c[0]!);
    if (DETERMINERS.has(opener) || isLower(c[0]!.text) || /^\d/.test(opener)) continue;
    const phrase = phraseOf(c);
    if (!phrase || phrase.kind !== "name") return null;
    const roleChunks = chunks.slice(i + 1).flat();
    const firstRole = roleChunks.find((t) => !DETERMINERS.has(lower(t)) || t !== roleChunks[0]);
    const role = firstRole ? span(firstRole, roleChunks.at(-1)!) : phrase.role;
    return { ...phrase, role };
  }
  // "An Israeli official, speaking on condition of anonymity, [said]": a description first.
  const first = chunks[0]!;
  const described = first.length ? phraseOf(first) : null;
  return described?.kind === "description" ? described : null;
}

/** The speaker written after a cue: "said Peskov", "said Dmitry Peskov, the Kremlin spokesman". */
export function speakerAfter(tokens: Token[]): SpeakerPhrase | null {
  let end = 0;
  while (end < tokens.length && !BOUNDARY.has(tokens[end]!.text) && tokens[end]!.text !== ".") end++;
  const phrase = phraseOf(tokens.slice(0, end));
  if (!phrase || (phrase.kind !== "name" && phrase.kind !== "description")) return null;
  if (phrase.kind === "name" && tokens[end]?.text === ",") {
    let stop = end + 1;
    while (stop < tokens.length && tokens[stop]!.text !== "." && tokens[stop]!.text !== ",") stop++;
    const roleTokens = tokens.slice(end + 1, stop).filter((t, i) => i > 0 || !DETERMINERS.has(lower(t)));
    if (roleTokens.length && roleTokens.length <= 12) return { ...phrase, role: span(roleTokens[0]!, roleTokens.at(-1)!) };
  }
  return phrase;
}
