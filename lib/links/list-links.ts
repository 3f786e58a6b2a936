import { dbIso, type ReadDb, type Row } from "../db-read";
import { notFound } from "../errors";
import { sourceLabel } from "../sources/label";
import type { ClaimLinkKind, LinkDirection } from "./link-text";

/** A link seen from one claim: what it says and the claim at its other end. */
export type ClaimLinkView = {
  id: string;
  kind: ClaimLinkKind;
  direction: LinkDirection;
  note: string | null;
  createdByName: string;
  createdAt: string;
  claim: { id: string; text: string; status: string; source: { id: string; label: string } };
};

type LinkRow = Row & {
  id: string; kind: string; direction: LinkDirection; note: string | null; createdByName: string; createdAt: string | number | Date;
  claimId: string; text: string; status: string; sourceId: string; title: string | null; publisher: string | null; publishedAt: string | null;
};

// Two index lookups (ClaimLink's unique (from, to) index and its toClaimId index), each
// joined to the other claim and its source: the claim page runs this on every view.
const side = (direction: LinkDirection, mine: string, other: string) => `
  SELECT l."id" AS "id", l."kind", '${direction}' AS "direction", l."note", l."createdByName", l."createdAt" AS "createdAt",
         c."id" AS "claimId", c."text", c."status", s."id" AS "sourceId", s."title", s."publisher", s."publishedAt"
  FROM "ClaimLink" l
  JOIN "Claim" c ON c."id" = l."${other}"
  JOIN "Source" s ON s."id" = c."sourceId"
  WHERE l."${mine}" = ?`;
// (A compound SELECT orders only by output aliases, hence the AS on the sort columns.)
const LINKS_SQL = `${side("outgoing", "fromClaimId", "toClaimId")} UNION ALL ${side("incoming", "toClaimId", "fromClaimId")}
  ORDER BY "createdAt", "id"`;


/** Every link of a claim, both ways, oldest first; 404 for an unknown claim. */
export async function listLinks(read: ReadDb, claimId: string): Promise<ClaimLinkView[]> {
  if ((await read.all(`SELECT 1 AS "x" FROM "Claim" WHERE "id" = ?`, [claimId])).length === 0) throw notFound("claim", claimId);
  return (await read.all<LinkRow>(LINKS_SQL, [claimId, claimId])).map((r) => ({
    id: r.id,
    kind: r.kind as ClaimLinkKind, // the database's trigger admits only the two kinds
    direction: r.direction,
    note: r.note,
    createdByName: r.createdByName,
    createdAt: dbIso(r.createdAt),
    claim: {
      id: r.claimId,
      text: r.text,
      status: r.status,
      source: { id: r.sourceId, label: sourceLabel({ title: r.title, publisher: r.publisher, publishedAt: r.publishedAt }) },
    },
  }));
}
