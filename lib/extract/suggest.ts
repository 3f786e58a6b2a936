// Suggested claims for an article: direct quotations, reported statements and beliefs
// with their speakers and roles, and the publication's own checkable assertions. Pure:
// the people to match speakers against are passed in. Offsets are code points.
import { CodePointIndex } from "../spans/codepoints";
import { matchSpeaker, speakerIndex, type SpeakerIndex, type SpeakerMatch } from "../people/match-speaker";
import { claimText } from "./claim-text";
import { publicationAssertions } from "./facts";
import type { Found } from "./quotes/attribution";
import { resolveSpeakers, type Resolved } from "./quotes/coref";
import { directQuotations } from "./quotes/direct";
import { readDocument } from "./quotes/document";
import { indirectStatements } from "./quotes/indirect";
import type { Range } from "./quotes/text";
import type { KnownPerson, Suggestion, TextSpan } from "./suggestion";

export type SuggestOptions = { people?: KnownPerson[] };

const CONFIDENCE: Record<Found["via"], number> = {
  "tag-after": 0.9, "cue-before": 0.75, continuation: 0.85, "follow-on": 0.6, clause: 0.65, fronted: 0.7, according: 0.7,
};

// The same people list (the CLI's 100 files, a benchmark) is indexed once.
const indexes = new WeakMap<KnownPerson[], SpeakerIndex>();
function indexOf(people: KnownPerson[]): SpeakerIndex {
  let index = indexes.get(people);
  if (!index) indexes.set(people, (index = speakerIndex(people)));
  return index;
}

export function suggestClaims(text: string, options: SuggestOptions = {}): Suggestion[] {
  const doc = readDocument(text);
  const index = new CodePointIndex(text);
  const at = (r: Range): TextSpan => {
    const start = index.toCodePoint(r.start);
    const end = index.toCodePoint(r.end);
    return { start, end, exact: text.slice(r.start, r.end) };
  };
  const direct = directQuotations(doc);
  const indirect = indirectStatements(doc, direct);
  const found = [...direct, ...indirect];
  const speakers = resolveSpeakers(doc, found);
  const stored = indexOf(options.people ?? []);
  const matches = new Map<string, ReturnType<typeof matchSpeaker>>();
  const known = (name: string) => {
    if (!matches.has(name)) matches.set(name, matchSpeaker(name, stored));
    return matches.get(name) ?? null;
  };
  const out: Suggestion[] = found.map((f) => fromFound(f, speakers.get(f) ?? null, at, known));
  const attributed = found.flatMap((f) => [...f.content, ...(f.cue ? [f.cue] : []), ...(f.speaker ? [f.speaker.span] : [])]);
  for (const a of publicationAssertions(doc, attributed)) {
    const content = at(a.content);
    out.push({ kind: "publication", content: [content], speaker: null, cue: null, role: null, person: null, claim: content.exact, confidence: Math.round(a.confidence * 100) / 100 });
  }
  return out.sort((a, b) => a.content[0]!.start - b.content[0]!.start || a.kind.localeCompare(b.kind));
}

function fromFound(f: Found, who: Resolved, at: (r: Range) => TextSpan, known: (name: string) => SpeakerMatch | null): Suggestion {
  const content = [...f.content].sort((a, b) => a.start - b.start).map(at);
  const match = who ? known(who.name) : null;
  const person = who ? { name: who.name, id: match?.id ?? null, matchedAlias: match?.matchedAlias ?? null } : null;
  let confidence = CONFIDENCE[f.via];
  if (!person) confidence -= 0.25;
  if (f.speaker?.kind === "pronoun" || f.speaker?.kind === "description") confidence -= 0.1;
  return {
    kind: f.kind,
    content,
    speaker: f.speaker ? at(f.speaker.span) : null,
    cue: f.cue ? at(f.cue) : null,
    role: who?.role ?? null,
    person,
    claim: claimText(f.kind, person?.name ?? (f.speaker ? at(f.speaker.span).exact : null), f.cueWord, content.map((c) => c.exact)),
    confidence: Math.round(Math.max(0.05, confidence) * 100) / 100,
  };
}
