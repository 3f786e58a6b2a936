// How the source page describes a suggestion to an editor. Pure.
import type { Suggestion } from "../extract/suggestion";

export const KIND_LABEL: Record<Suggestion["kind"], string> = {
  direct: "Quotation",
  indirect: "Reported",
  publication: "Publication's own",
};

export const confidenceLabel = (c: number): string => (c >= 0.8 ? "high" : c >= 0.6 ? "medium" : "low");

/** Who the suggestion attributes the words to, and how sure that is, in one sentence. */
export function speakerLine(s: Pick<Suggestion, "kind" | "person" | "speaker" | "role">): string {
  if (s.kind === "publication") return "The publication's own assertion.";
  const role = s.role ? `, ${s.role}` : "";
  if (s.person?.id) {
    const why = s.person.matchedAlias && s.person.matchedAlias !== s.person.name ? ` (the text says “${s.person.name}”; stored as “${s.person.matchedAlias}”)` : "";
    return `${s.person.matchedAlias ?? s.person.name}${role}${why}: a stored person.`;
  }
  if (s.person) return `${s.person.name}${role}: nobody stored by that name; accepting creates the person.`;
  return `The text says “${s.speaker?.exact ?? "someone"}”: choose who before accepting.`;
}

export const quoteText = (s: Pick<Suggestion, "content">): string => s.content.map((c) => c.exact).join(" … ");
