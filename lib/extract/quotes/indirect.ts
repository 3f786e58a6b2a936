// Reported statements, beliefs and intentions outside quotation marks:
//   `S said (that) X`, `S told reporters X`, `S warned … that X`, `S believes/plans … X`,
//   `X, S said`, `according to S, X`, `X, according to S`.
// A cue inside the content of an earlier attribution is nested speech and is left to it.
// A clause that is mostly a quotation already suggested as direct is not repeated.
import type { Found } from "./attribution";
import { cueAt, weakWithoutThat, type Cue } from "./cues";
import type { Doc, QToken, Sentence } from "./document";
import { speakerAfter, speakerBefore } from "./speaker-phrase";
import type { Range } from "./text";

const PARTICIPLES = new Set(["saying", "adding", "noting", "arguing", "telling", "warning", "insisting", "claiming", "writing", "explaining"]);
const ADVERBIAL_OPENERS = new Set(
  "on in at during after before last this earlier later late early yesterday today repeatedly again publicly privately recently also then monday tuesday wednesday thursday friday saturday sunday".split(" "),
);
const WEEKDAYS = new Set("monday tuesday wednesday thursday friday saturday sunday".split(" "));
const lower = (t: QToken | undefined) => (t ? t.text.toLowerCase() : "");

function contentRange(tokens: QToken[], from: number, to: number): Range | null {
  let a = from;
  let b = to;
  while (a < b && (!tokens[a]!.word && !/[“"‘(\[]/u.test(tokens[a]!.text) || lower(tokens[a]) === "that")) a++;
  while (b > a && /^[.,;:!?)\]—–]$/u.test(tokens[b - 1]!.text)) b--;
  if (b - a < 2) return null;
  return { start: tokens[a]!.start, end: tokens[b - 1]!.end };
}

/** Where a clause that starts at `from` ends: the sentence end, ";" or ", adding …". */
function clauseEnd(tokens: QToken[], from: number): number {
  for (let i = from; i < tokens.length; i++) {
    if (tokens[i]!.text === ";" && !tokens[i]!.quoted) return i;
    if (tokens[i]!.text === "," && PARTICIPLES.has(lower(tokens[i + 1]))) return i;
    // "… winners but added", "…, and called him": a second verb of the speaker ends the statement.
    if ((lower(tokens[i]) === "and" || lower(tokens[i]) === "but") && !tokens[i]!.quoted && i > from + 2) {
      const next = tokens[i + 1] && ["also", "then", "later", "still"].includes(lower(tokens[i + 1])) ? tokens[i + 2] : tokens[i + 1];
      if (next && !next.quoted && cueAt(tokens, tokens.indexOf(next))) return tokens[i - 1]?.text === "," ? i - 1 : i;
    }
  }
  return tokens.length;
}

function quotedShare(tokens: QToken[], r: Range): number {
  const inside = tokens.filter((t) => t.word && t.start >= r.start && t.end <= r.end);
  return inside.length ? inside.filter((t) => t.quoted).length / inside.length : 0;
}

function sentenceStatements(doc: Doc, s: Sentence, direct: Found[]): Found[] {
  const out: Found[] = [];
  const tokens = s.tokens;
  const usedCues = new Map(direct.filter((d) => d.cue).map((d) => [d.cue!.start, d] as const));
  let covered = -1;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.quoted) continue;
    const cue = cueAt(tokens, i);
    if (!cue) continue;
    const nested = tokens[i]!.start < covered;
    if (nested && (cue.kind !== "speech" || lower(tokens[cue.first - 1]) === "that")) continue;
    const found = cue.kind === "according" ? according(doc, s, cue) : reported(doc, s, cue, usedCues.get(cue.span.start) ?? null, out.at(-1) ?? null);
    i = Math.max(i, cue.after - 1);
    if (!found) continue;
    if (nested) {
      // "…the pain of the neighbourhoods, Emanuel said he meets …": a new speaker and cue end the statement before them.
      const outer = out.at(-1)!;
      const at = found.speaker?.span.start ?? cue.span.start;
      const named = found.speaker && (found.speaker.kind === "name" || found.speaker.kind === "pronoun") && found.via === "clause";
      const cut = tokens.filter((t) => t.end <= at && t.start >= outer.content[0]!.start);
      if (!named || cut.length < 3) continue;
      const last = outer.content.length - 1;
      const trimmed = contentRange(tokens, tokens.indexOf(cut[0]!), tokens.indexOf(cut.at(-1)!) + 1);
      if (!trimmed) continue;
      outer.content[last] = trimmed;
    }
    out.push(found);
    covered = Math.max(...found.content.map((c) => c.end));
  }
  return out;
}

function according(doc: Doc, s: Sentence, cue: Cue): Found | null {
  const tokens = s.tokens;
  const speaker = speakerAfter(tokens.slice(cue.after));
  if (!speaker) return null;
  let end = cue.after;
  while (end < tokens.length && tokens[end]!.end <= speaker.span.end) end++;
  while (end < tokens.length && tokens[end]!.text !== "," && tokens[end]!.text !== ".") end++;
  const content = cue.first > 0 ? contentRange(tokens, 0, cue.first) : contentRange(tokens, end + 1, clauseEnd(tokens, end + 1));
  if (!content) return null;
  return { kind: "indirect", content: [content], speaker, cue: cue.span, cueWord: cue.word, via: "according", sentence: s.index, paragraph: s.paragraph, continues: null };
}

function reported(doc: Doc, s: Sentence, cue: Cue, quote: Found | null, previous: Found | null): Found | null {
  const tokens = s.tokens;
  if (weakWithoutThat(cue, tokens)) return null;
  const base = { kind: "indirect" as const, cue: cue.span, cueWord: cue.word, sentence: s.index, paragraph: s.paragraph, continues: null };
  if (quote?.via === "tag-after") return mixedFronted(doc, s, cue, quote, base);
  let speaker = speakerBefore(tokens.slice(0, cue.first).filter((t) => !t.quoted));
  // `X, said Steven Taylor, a chairman of …` — the speaker after an inverted cue.
  if (!speaker && tokens[cue.first - 1]?.text === "," && cue.kind === "speech") {
    const after = speakerAfter(tokens.slice(cue.after));
    const fronted = after ? contentRange(tokens, 0, cue.first - 1) : null;
    return after && fronted && quotedShare(tokens, fronted) < 0.5 ? { ...base, content: [fronted], speaker: after, via: "fronted" } : null;
  }
  if (!speaker && PARTICIPLES.has(cue.word) && previous) speaker = previous.speaker;
  if (!speaker) return null;
  const end = clauseEnd(tokens, cue.after);
  // "said on November 12 that …": an adverbial between the cue and its that-clause.
  const adverbial = ADVERBIAL_OPENERS.has(lower(tokens[cue.after]));
  const that = tokens.findIndex((t, k) => k > cue.after && k < cue.after + 8 && !t.quoted && t.text === "that");
  const noComma = adverbial && that > 0 && !tokens.slice(cue.after, that).some((t) => t.text === "," || t.quoted);
  // "said Wednesday she, too, wants …": a day before the statement is not part of it.
  let from = noComma ? that + 1 : cue.after;
  while (from < end && !noComma && (WEEKDAYS.has(lower(tokens[from])) || (["late", "early"].includes(lower(tokens[from])) && WEEKDAYS.has(lower(tokens[from + 1]))))) from++;
  const after = contentRange(tokens, from, end);
  const trailing = end - cue.after;
  // `X, S said.` — the statement comes first.
  if (!after || trailing <= 4) {
    const comma = lastIndexBefore(tokens, speaker.span.start, ",");
    if (comma < 2) return null;
    const fronted = contentRange(tokens, 0, comma);
    return fronted && quotedShare(tokens, fronted) < 0.5 ? { ...base, content: [fronted], speaker, via: "fronted" } : null;
  }
  if (quote && quotedShare(tokens, after) >= 0.5) return null;
  return { ...base, content: [after], speaker, via: "clause" };
}

/**
 * `Nabisco issued a notice … and “that group … is leaving,” said Laurie Guzzinati`: the
 * quotation is suggested as direct; the statement it ends is reported around it.
 */
function mixedFronted(doc: Doc, s: Sentence, cue: Cue, quote: Found, base: Omit<Found, "content" | "speaker" | "via">): Found | null {
  if (!quote.speaker) return null;
  const comma = lastIndexBefore(s.tokens, Math.min(cue.span.start, quote.speaker.span.start), ",");
  const whole = contentRange(s.tokens, 0, comma > 0 ? comma : s.tokens.findIndex((t) => t.start >= cue.span.start));
  // Words of the writer's around the quotation ("This is a “raw time,” said …"): at least two.
  const unquoted = whole ? s.tokens.filter((t) => t.word && !t.quoted && t.start >= whole.start && t.end <= whole.end).length : 0;
  return whole && unquoted >= 2 && quotedShare(s.tokens, whole) < 0.8 ? { ...base, content: [whole], speaker: quote.speaker, via: "fronted" } : null;
}

function lastIndexBefore(tokens: QToken[], offset: number, text: string): number {
  for (let i = tokens.length - 1; i >= 0; i--) if (tokens[i]!.end <= offset && tokens[i]!.text === text) return i;
  return -1;
}

export function indirectStatements(doc: Doc, direct: Found[]): Found[] {
  return doc.sentences.flatMap((s) => sentenceStatements(doc, s, direct.filter((d) => d.sentence === s.index)));
}
