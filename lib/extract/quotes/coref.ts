// Who each attribution's speaker is: a surname is the person first named in full earlier
// ("Toqaev" → "Qasym-Zhomart Toqaev"); "he"/"she" is the speaker of an attribution in the
// sentence or two before, else the person last named as a clause's subject; "who" is the
// name before it; "the spokesman" is the person the text gave that role. Groups ("analysts")
// and unresolved pronouns stay without a person: the editor picks one.
import type { Found } from "./attribution";
import type { Doc, QToken } from "./document";
import { TITLES } from "./lexicon";
import { phraseOf, type SpeakerPhrase } from "./speaker-phrase";
import type { Token } from "./text";

export type Resolved = { name: string; role: string | null; organisation: boolean } | null;

type Mention = { name: string; role: string | null; start: number; subject: boolean; organisation: boolean };

const possessive = (s: string) => s.replace(/['’]s$/u, "");
const surname = (name: string) => possessive(name.split(/\s+/).at(-1) ?? name);

/** Every capitalised name run of the text outside quotations, with a role written before it. */
function mentions(doc: Doc): Mention[] {
  const out: Mention[] = [];
  for (const s of doc.sentences) {
    let run: Token[] = [];
    const flush = (next: Token | undefined) => {
      if (run.length === 0) return;
      const at = s.tokens.indexOf(run[0] as QToken);
      // "Kremlin spokesman Dmitry Peskov": a lowercase title right before the name joins it.
      let from = at;
      while (from > 0 && at - from < 3 && (TITLES.has(s.tokens[from - 1]!.text.toLowerCase()) || (from < at && /^\p{Lu}/u.test(s.tokens[from - 1]!.text) && !s.tokens[from - 1]!.quoted))) from--;
      const phrase = phraseOf(from < at && TITLES.has(s.tokens[at - 1]!.text.toLowerCase()) ? s.tokens.slice(from, at + run.length) : run);
      const before = s.tokens[from - 1];
      if (phrase?.kind === "name" && !/['’]s$/u.test(run.at(-1)!.text) && next?.text !== "’s") {
        const name = doc.text.slice(phrase.span.start, phrase.span.end);
        const subject = !before || before.text === "," || before.text === "“";
        out.push({ name, role: phrase.role ? doc.text.slice(phrase.role.start, phrase.role.end) : null, start: phrase.span.start, subject, organisation: phrase.organisation });
      }
      run = [];
    };
    for (const t of s.tokens) {
      if (!t.quoted && t.word && /^\p{Lu}/u.test(t.text)) run.push(t);
      else if (!t.quoted && t.word && run.length && /^(?:de|van|von|bin|al)$/.test(t.text)) run.push(t);
      else flush(t);
    }
    flush(undefined);
  }
  return out;
}

export function resolveSpeakers(doc: Doc, found: Found[]): Map<Found, Resolved> {
  const all = mentions(doc);
  const fullBySurname = new Map<string, Mention>();
  for (const m of all) if (!m.organisation && m.name.includes(" ") && !fullBySurname.has(surname(m.name))) fullBySurname.set(surname(m.name), m);
  const roleOf = new Map<string, string>();
  // Roles the text gives a name anywhere before ("Kremlin spokesman Dmitry Peskov spoke …").
  const mentionRole = (name: string, before: number) => all.find((m) => m.start < before && m.role && (m.name === name || surname(m.name) === name))?.role ?? null;
  const out = new Map<Found, Resolved>();
  const named = (phrase: SpeakerPhrase): Resolved => {
    const written = possessive(doc.text.slice(phrase.span.start, phrase.span.end)).replace(/^the\s+/i, "");
    const full = !written.includes(" ") && !phrase.organisation ? fullBySurname.get(written) : undefined;
    const name = full && full.start < phrase.span.start ? full.name : written;
    const role = phrase.role ? doc.text.slice(phrase.role.start, phrase.role.end) : (roleOf.get(name) ?? full?.role ?? mentionRole(name, phrase.span.end));
    if (role && !roleOf.has(name)) roleOf.set(name, role);
    return { name, role, organisation: phrase.organisation };
  };
  const sorted = [...found].sort((a, b) => a.sentence - b.sentence || (a.cue?.start ?? a.content[0]!.start) - (b.cue?.start ?? b.content[0]!.start));
  let last = null as { found: Found; person: Resolved } | null;
  for (const f of sorted) {
    const at: number = f.speaker?.span.start ?? f.content[0]!.start;
    let person: Resolved = null;
    const recent: Resolved = last && f.sentence - last.found.sentence <= 2 ? last.person : null;
    const sp = f.speaker;
    if (f.continues) person = out.get(f.continues) ?? null;
    else if (!sp) person = recent;
    else if (sp.kind === "name") person = named(sp);
    else if (sp.kind === "relative") person = sp.antecedent ? named({ ...sp, kind: "name", span: sp.antecedent, role: null }) : null; else if (sp.kind === "pronoun") {
      const word = doc.text.slice(sp.span.start, sp.span.end).toLowerCase();
      if (word === "he" || word === "she" || word === "i") {
        const subject = all.filter((m) => m.start < at && m.subject && !m.organisation).at(-1);
        const subjectSpan = subject ? { start: subject.start, end: subject.start + subject.name.length } : null;
        person = recent && !recent.organisation ? recent : subjectSpan ? named({ ...sp, kind: "name", span: subjectSpan, role: null, organisation: false }) : null;
      } else person = recent?.organisation ? recent : null;
    } else {
      const head = doc.text.slice(sp.span.start, sp.span.end).toLowerCase().split(/\s+/).at(-1) ?? "";
      const byRole = [...all].reverse().find((m) => m.start < at && !m.organisation && m.role?.toLowerCase().split(/\s+/).includes(head));
      person = byRole && /^the\s/i.test(doc.text.slice(sp.span.start, sp.span.end)) ? { name: byRole.name, role: byRole.role, organisation: false } : null;
    }
    out.set(f, person);
    if (person) last = { found: f, person };
  }
  return out;
}
