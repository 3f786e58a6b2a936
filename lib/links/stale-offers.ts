// When an editor links a newer claim to an older one as the same claim, or as one that
// contradicts it, the older claim may be out of date: its page and the newer one's offer
// a "stale" review of it, with the newer claim as evidence. An offer lasts while the link
// does and the older claim is not stale yet; the editor decides.
import { bySql, type ReadDb, type Row } from "../db-read";
import { compareClaimDates } from "./claim-dates";

export type StaleOffer = {
  linkKind: "same-claim" | "contradicts";
  older: { id: string; text: string; version: number; date: string };
  newer: { id: string; text: string; date: string };
};

type End = { id: string; text: string; status: string; version: number; asOf: string | null; publishedAt: string | null };
type OfferRow = Row & { kind: "same-claim" | "contradicts"; ends: string };

// Both ends of each such link as one JSON array (as text), so one row carries both claims.
const endJson = (object: string, c: string, s: string) =>
  `${object}('id', ${c}."id", 'text', ${c}."text", 'status', ${c}."status", 'version', ${c}."version", 'asOf', ${c}."asOf", 'publishedAt', ${s}."publishedAt")`;
const offersSql = (ends: string) => `SELECT l."kind", ${ends} AS "ends"
  FROM "ClaimLink" l
  JOIN "Claim" fc ON fc."id" = l."fromClaimId" JOIN "Source" fs ON fs."id" = fc."sourceId"
  JOIN "Claim" tc ON tc."id" = l."toClaimId" JOIN "Source" ts ON ts."id" = tc."sourceId"
  WHERE (l."fromClaimId" = ? OR l."toClaimId" = ?) AND l."kind" IN ('same-claim', 'contradicts')
  ORDER BY l."createdAt", l."id"`;
const OFFERS_SQL = {
  sqlite: offersSql(`json_array(${endJson("json_object", "fc", "fs")}, ${endJson("json_object", "tc", "ts")})`),
  postgres: offersSql(`json_build_array(${endJson("json_build_object", "fc", "fs")}, ${endJson("json_build_object", "tc", "ts")})::text`),
};

/** The stale reviews a claim's links offer: of this claim, or of the older claim it is linked to. */
export async function staleOffers(read: ReadDb, claimId: string): Promise<StaleOffer[]> {
  return (await read.all<OfferRow>(bySql(read, OFFERS_SQL), [claimId, claimId])).flatMap((r) => {
    const [a, b] = JSON.parse(r.ends) as [End, End];
    const order = compareClaimDates(a, b);
    if (order === null) return [];
    const [older, newer] = order < 0 ? [a, b] : [b, a];
    if (older.status === "stale") return [];
    return [{
      linkKind: r.kind,
      older: { id: older.id, text: older.text, version: older.version, date: (older.asOf ?? older.publishedAt)! },
      newer: { id: newer.id, text: newer.text, date: (newer.asOf ?? newer.publishedAt)! },
    }];
  });
}
