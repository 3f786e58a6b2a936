import type { Actor } from "../auth/actor";
import { addClaim } from "../claims/add-claim";
import type { ClaimDetail } from "../claims/get-claim";
import type { Db } from "../db";
import { AppError } from "../errors";
import { parseInput } from "../validation";
import { acceptSuggestionInput } from "./schemas";
import { findSuggestion } from "./suggest-for-source";

/**
 * A suggestion becomes a claim through the normal write path (addClaim: spans checked
 * verbatim, speaker found or created, history): as suggested, or with the editor's text,
 * kind, speaker and role. The speaker is the matched person; a name nobody has yet is a
 * new person, unless it is close to someone stored — then the editor is asked (422 with
 * the candidates), exactly as when typing a speaker by hand.
 */
export async function acceptSuggestion(db: Db, options: { actor: Actor; sourceId: string; key: string; input: unknown }): Promise<ClaimDetail> {
  const input = parseInput(acceptSuggestionInput, options.input ?? {}, "unprocessable");
  const s = await findSuggestion(db, { actor: options.actor, sourceId: options.sourceId, key: options.key, includeRejected: true });
  const kind = input.kind ?? s.kind;
  const speaker =
    kind === "publication" ? {}
    : input.personId ? { personId: input.personId }
    : input.personName ? { personName: input.personName }
    : s.person?.id ? { personId: s.person.id }
    : s.person ? { personName: s.person.name }
    : null;
  if (!speaker) {
    throw new AppError("unprocessable", `Who said this? The text names the speaker only as "${s.speaker?.exact ?? "nobody"}": choose a person before accepting.`, { field: "personName" });
  }
  return addClaim(db, {
    actor: options.actor,
    input: {
      sourceId: options.sourceId,
      text: input.text ?? s.claim,
      asOf: input.asOf ?? null,
      spans: s.content.map((c) => ({ start: c.start, end: c.end })),
      attribution: {
        kind,
        ...speaker,
        role: kind === "publication" ? null : input.role === undefined ? s.role : input.role || null,
        ...(input.newPerson ? { newPerson: true } : {}),
      },
      ...(input.links ? { links: input.links } : {}),
    },
  });
}
