// Direct quotations and their speakers. For each quoted segment, in order:
//   1. a tag right after it: `“…,” Toqaev said` / `“…,” said Peskov` / `“…,” S, role, told X`;
//   2. a cue before it in the same sentence: `S said: “…”`, `he praised Astana’s “…”`,
//      a second quote of the same sentence joining the first one's attribution;
//   3. no cue: a quote that is (nearly) the whole sentence continues the attribution of the
//      sentence before it in the paragraph (a split quote) or of the previous paragraph
//      (a follow-on quote paragraph).
// Single quoted words, naming ("titled “…”") and unattributed short quotes are skipped.
import type { Found } from "./attribution";
import { cueAt, type Cue } from "./cues";
import type { Doc, QToken, Sentence } from "./document";
import { NAMING } from "./lexicon";
import type { QuoteSegment } from "./quote-marks";
import { sentenceSubject, speakerAfter, speakerBefore, type SpeakerPhrase } from "./speaker-phrase";
import { wordCount, type Range } from "./text";

const TAG_WINDOW = 16;
const TAG_ENDINGS = /[,?!—–…-]/u;

function tokensBetween(s: Sentence, from: number, to: number): QToken[] {
  return s.tokens.filter((t) => !t.quoted && t.start >= from && t.end <= to);
}

/** A speech tag at the start of `right`: "[,] Toqaev said", "said Peskov", "S, role, told X". */
function tagIn(right: QToken[], window = TAG_WINDOW): { cue: Cue; speaker: SpeakerPhrase } | null {
  const start = right[0]?.text === "," ? 1 : 0;
  for (let i = start; i < Math.min(right.length, start + window); i++) {
    const cue = cueAt(right, i);
    if (!cue || cue.kind === "according") continue;
    const before = right.slice(start, cue.first);
    const speaker = before.length ? speakerBefore(before) : speakerAfter(right.slice(cue.after));
    if (speaker) return { cue, speaker };
    if (before.length) return null;
  }
  return null;
}

function tagAfter(doc: Doc, s: Sentence, seg: QuoteSegment, nextOpen: number): { cue: Cue; speaker: SpeakerPhrase } | null {
  if (seg.close === null) return null;
  const right = tokensBetween(s, seg.close + 1, nextOpen);
  const lastInside = doc.text.slice(seg.inner.start, seg.close).trimEnd().at(-1) ?? "";
  if (right.length === 0 && /[.!?…]/u.test(lastInside)) {
    // “… missing.” Trump said. — the tag was split off as a sentence of its own.
    const next = doc.sentences[s.index + 1];
    if (!next || next.paragraph !== s.paragraph || next.segments.length > 0 || next.tokens.length > 14) return null;
    return tagIn(next.tokens, 6);
  }
  if (!TAG_ENDINGS.test(lastInside) && right[0]?.text !== ",") return tailTag(right);
  return tagIn(right);
}

/** “Democrats had “put the biggest crack” yet in the glass ceiling, she said”: a tag closing the sentence. */
function tailTag(right: QToken[]): { cue: Cue; speaker: SpeakerPhrase } | null {
  const comma = right.map((t) => t.text).lastIndexOf(",");
  if (comma < 0) return null;
  const tail = right.slice(comma + 1);
  const tag = tail.length <= 14 ? tagIn(tail, 8) : null;
  // The tail is only the tag, with at most an adverbial after the cue ("on Tuesday", "after the debate").
  const rest = tail.slice(tag?.cue.after ?? 0).filter((t) => t.text !== ".");
  const adverbial = rest.length <= 2 || (rest.length <= 8 && /^(?:after|at|in|on|during|before|last|this|late|early|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i.test(rest[0]!.text));
  return tag && tag.cue.first > 0 && adverbial ? tag : null;
}

function cueBefore(s: Sentence, seg: QuoteSegment): { cue: Cue; speaker: SpeakerPhrase | null } | null {
  const left = tokensBetween(s, s.start, seg.open);
  for (let i = left.length - 1; i >= 0 && left.length - i <= 24; i--) {
    if (left[i]!.text === "”" || left[i]!.text === '"' || left[i]!.text === "''") break;
    const cue = cueAt(left, i);
    if (!cue || cue.kind === "according") continue;
    if (NAMING.has(left.at(-1)?.text.toLowerCase() ?? "")) return null;
    const speaker = speakerBefore(left.slice(0, cue.first)) ?? earlierSpeaker(left, cue.first) ?? sentenceSubject(left.slice(0, cue.first));
    return { cue, speaker };
  }
  return null;
}

/** "S urged …, saying “…”": the speaker of an earlier cue in the same sentence. */
function earlierSpeaker(left: QToken[], before: number): SpeakerPhrase | null {
  for (let i = before - 1; i >= 0; i--) {
    const cue = cueAt(left, i);
    if (!cue || cue.kind === "according") continue;
    const speaker = speakerBefore(left.slice(0, cue.first));
    if (speaker) return speaker;
  }
  return null;
}

/**
 * A quote paragraph after a paragraph that introduces it: "Cruz continued:", "In a 1963
 * speech, he declared:", or a reported statement ("Kerry said that …") it goes on with.
 */
function introducedBy(doc: Doc, s: Sentence): { cue: Cue; speaker: SpeakerPhrase; sentence: number } | null {
  const before = doc.sentences[s.index - 1];
  if (!before || before.paragraph !== s.paragraph - 1 || s.tokens[0]?.start !== doc.paragraphs[s.paragraph]!.start) return null;
  const tokens = before.tokens.filter((t) => !t.quoted);
  const colon = doc.text.slice(before.start, before.end).trimEnd().endsWith(":");
  if (!colon && before.segments.length > 0) return null;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const cue = cueAt(tokens, i);
    if (!cue || cue.kind !== "speech") continue;
    const speaker = speakerBefore(tokens.slice(0, cue.first)) ?? earlierSpeaker(tokens, cue.first);
    return speaker ? { cue, speaker, sentence: before.index } : null;
  }
  return null;
}

const standalone = (s: Sentence, seg: QuoteSegment) =>
  (seg.inner.end - seg.inner.start) / Math.max(1, s.end - s.start) >= 0.6;

export function directQuotations(doc: Doc): Found[] {
  const out: Found[] = [];
  const byChain = new Map<unknown, Found>();
  let previous: Found | null = null;
  for (const s of doc.sentences) {
    let inSentence: Found | null = null;
    for (const [k, seg] of s.segments.entries()) {
      const chain = doc.chainOf.get(seg);
      const content: Range = seg.inner;
      const known = chain ? byChain.get(chain) : undefined;
      if (known) { known.content.push(content); inSentence = known; continue; }
      if (wordCount(doc.text.slice(content.start, content.end)) < 2) continue;
      const nextOpen = s.segments[k + 1]?.open ?? s.end;
      const found = attribute(doc, s, seg, nextOpen, inSentence, previous);
      if (!found) continue;
      if (found !== inSentence && found !== previous) out.push(found);
      if (chain) byChain.set(chain, found);
      inSentence = found;
    }
    if (inSentence) previous = inSentence;
    else if (previous && previous.paragraph < s.paragraph - 1) previous = null;
  }
  return out;
}

function attribute(doc: Doc, s: Sentence, seg: QuoteSegment, nextOpen: number, inSentence: Found | null, previous: Found | null): Found | null {
  const base = { kind: "direct" as const, content: [seg.inner], sentence: s.index, paragraph: s.paragraph, continues: null };
  const tag = tagAfter(doc, s, seg, nextOpen);
  if (tag) {
    if (inSentence && inSentence.via === "tag-after") return { ...base, speaker: tag.speaker, cue: tag.cue.span, cueWord: tag.cue.word, via: "tag-after" };
    if (inSentence) { inSentence.content.push(seg.inner); return inSentence; }
    return { ...base, speaker: tag.speaker, cue: tag.cue.span, cueWord: tag.cue.word, via: "tag-after" };
  }
  if (inSentence) { inSentence.content.push(seg.inner); return inSentence; }
  const before = cueBefore(s, seg);
  if (before) {
    return { ...base, speaker: before.speaker, cue: before.cue.span, cueWord: before.cue.word, via: "cue-before" };
  }
  if (!standalone(s, seg)) return null;
  const intro = introducedBy(doc, s);
  if (intro && (!previous || previous.sentence < intro.sentence)) {
    return { ...base, speaker: intro.speaker, cue: intro.cue.span, cueWord: intro.cue.word, via: "follow-on" };
  }
  if (!previous) return null;
  if (previous.paragraph === s.paragraph && previous.sentence === s.index - 1) {
    previous.content.push(seg.inner);
    return previous;
  }
  if (previous.paragraph === s.paragraph - 1) {
    // A follow-on quote paragraph: the same speaker goes on, in a claim of its own.
    return { ...base, speaker: previous.speaker, cue: null, cueWord: null, via: "follow-on", continues: previous };
  }
  return null;
}
