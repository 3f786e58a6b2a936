// A proposed claim text for a suggestion, in an editor's words as far as a rule can go:
// "Peskov said: “…”" for a quotation, "Peskov said that …" for a reported statement,
// "Toqaev believes …" for a belief. The editor rewrites it before accepting if needed.
const PRESENT_TO_PAST: Record<string, string> = { says: "said", tells: "told", adds: "added" };
const BELIEF = /^(?:believe|think|expect|plan|hope|want|fear|intend|feel|worr|doubt|agree|know|understand|consider|wish|seek|sought)/;

const finish = (s: string) => (/[.!?…]["”’]?$/u.test(s) ? s : `${s}.`);
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function claimText(kind: "direct" | "indirect", speaker: string | null, cue: string | null, content: string[]): string {
  const who = speaker ? capitalise(speaker) : "Someone";
  if (kind === "direct") return `${who} said: “${content.join(" … ").replace(/[,;:]$/u, "")}”`;
  const body = content.join(" … ").replace(/^that\s+/iu, "");
  if (cue && BELIEF.test(cue)) return finish(`${who} ${cue.endsWith("s") || cue.endsWith("ed") || cue === "thought" ? cue : `${cue}s`} ${body}`);
  const verb = cue === "according to" ? "said" : PRESENT_TO_PAST[cue ?? ""] ?? "said";
  return finish(`${who} ${verb} that ${body}`);
}
