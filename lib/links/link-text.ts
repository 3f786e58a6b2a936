// How links read, shared by the server and the editors' client form (no zod here: it
// would ship to every editor's browser for two string helpers).
export const CLAIM_LINK_KINDS = ["corroborates", "contradicts", "same-claim"] as const;
export type ClaimLinkKind = (typeof CLAIM_LINK_KINDS)[number];

/** How a link reads from one of its claims: "corroborates X" from one end, "corroborated by Y" from the other. */
export type LinkDirection = "outgoing" | "incoming";

/**
 * A link as recorded in a claim's history (ClaimEdit changes.link.from / .to), seen from
 * that claim: the other claim's id and text are kept so the entry stays readable after
 * the other claim changes.
 */
export type LinkHistoryValue = {
  id: string;
  kind: ClaimLinkKind;
  direction: LinkDirection;
  claimId: string;
  claimText: string;
  note: string | null;
};

export const LINK_PHRASES: Record<ClaimLinkKind, Record<LinkDirection, string>> = {
  corroborates: { outgoing: "Corroborates", incoming: "Corroborated by" },
  contradicts: { outgoing: "Contradicts", incoming: "Contradicted by" },
  "same-claim": { outgoing: "Same claim as", incoming: "Same claim as" },
};

/** "Corroborated by", "Contradicts", … for a link seen from one of its claims. */
export function linkPhrase(kind: string, direction: LinkDirection): string {
  return (LINK_PHRASES as Record<string, Record<LinkDirection, string> | undefined>)[kind]?.[direction] ?? `${kind} (${direction})`;
}

/** A claim id from what an editor pastes: the id itself or any URL of the claim's page or API. */
export function claimIdFromReference(reference: string): string {
  const trimmed = reference.trim();
  const match = /\/(?:api\/)?claims\/([^/?#\s]+)/.exec(trimmed);
  if (!match) return trimmed;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return match[1]!;
  }
}
