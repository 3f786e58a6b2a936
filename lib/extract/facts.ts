// The publication's own assertions: sentences that state something checkable (a number, a
// percentage, an amount, a date, a named event or organisation) and that nobody is quoted
// or reported as saying. Opinion and speculation ("should", "would", "likely") and
// questions are left out; so are lines without a sentence's final punctuation (headlines,
// captions, navigation).
import type { Doc, Sentence } from "./quotes/document";
import type { Range } from "./quotes/text";

const NUMBER = /\b\d[\d,.]*\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|trillion|dozen|half|third|quarter)s?\b/iu;
const PERCENT = /\d\s?(?:%|percent\b|per cent\b)|\bpercent(?:age)?\b/iu;
const MONEY = /[$€£¥₽]\s?\d|\b\d[\d,.]*\s?(?:dollars|euros|rubles|tenge|pounds)\b|\bbillions? of dollars\b/iu;
const DATE = /\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|\b(?:1[89]|20)\d\d\b|\b(?:last|next|this) (?:week|month|year)\b|\byesterday\b/u;
const HEDGE = /\b(?:should|would|could|might|may|must|likely|unlikely|perhaps|possibly|probably|suppose|seems?|appears? to|imperative|crucial|open to discussion|one would)\b/iu;
const NAMED = /(?:^|[^.!?]\s)(?:\p{Lu}[\p{L}'’-]+\s){1,}\p{Lu}[\p{L}'’-]+|\b\p{Lu}{2,}\b/u;

export type Assertion = { content: Range; sentence: number; confidence: number };

export function scoreAssertion(sentence: string): number {
  if (!/[.!]["”’)]?$/u.test(sentence) || sentence.endsWith("?")) return 0;
  if (sentence.split(/\s+/).length < 6) return 0;
  let score = 0;
  if (PERCENT.test(sentence) || MONEY.test(sentence)) score += 0.4;
  else if (NUMBER.test(sentence)) score += 0.25;
  if (DATE.test(sentence)) score += 0.3;
  if (NAMED.test(sentence)) score += 0.15;
  if (HEDGE.test(sentence)) score -= 0.3;
  return Math.max(0, Math.min(0.8, score));
}

export function publicationAssertions(doc: Doc, attributed: Range[], threshold = 0.3): Assertion[] {
  const out: Assertion[] = [];
  const taken = (s: Sentence) => s.segments.length > 0 || s.tokens.some((t) => t.quoted) || attributed.some((r) => r.start < s.end && r.end > s.start);
  for (const s of doc.sentences) {
    if (taken(s)) continue;
    const text = doc.text.slice(s.start, s.end);
    const confidence = scoreAssertion(text);
    if (confidence >= threshold) out.push({ content: { start: s.start, end: s.end }, sentence: s.index, confidence });
  }
  return out;
}
