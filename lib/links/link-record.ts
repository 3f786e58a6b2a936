// A link's JSON shape, and how it is written into its two claims' history.
import type { ClaimLinkKind, LinkHistoryValue } from "./link-text";

export type ClaimLinkRecord = {
  id: string;
  fromClaimId: string;
  toClaimId: string;
  kind: ClaimLinkKind;
  note: string | null;
  createdByName: string;
  createdAt: string;
};

type Row = Omit<ClaimLinkRecord, "kind" | "createdAt"> & { kind: string; createdAt: Date };

export function toLinkRecord(row: Row): ClaimLinkRecord {
  return {
    id: row.id,
    fromClaimId: row.fromClaimId,
    toClaimId: row.toClaimId,
    kind: row.kind as ClaimLinkKind, // the database's trigger admits only the two kinds
    note: row.note,
    createdByName: row.createdByName,
    createdAt: row.createdAt.toISOString(),
  };
}

type End = { id: string; text: string };

/**
 * The link as each claim's history records it — "corroborates B" on A, "corroborated by
 * A" on B — with the other claim's text, so the entry stays readable whatever happens later.
 */
export function linkHistoryValues(link: { id: string; kind: ClaimLinkKind; note: string | null }, from: End, to: End) {
  const seen = (direction: LinkHistoryValue["direction"], other: End): LinkHistoryValue => ({
    id: link.id,
    kind: link.kind,
    direction,
    claimId: other.id,
    claimText: other.text,
    note: link.note,
  });
  return { onFrom: seen("outgoing", to), onTo: seen("incoming", from) };
}
