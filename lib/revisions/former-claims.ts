// Claims that were on a revision and have moved on to a newer one (carried automatically,
// or moved by an editor): where their quotes were on the old revision, read from their
// history, so a diff shows every claim that ever quoted each side.
import type { ReadDb, Row } from "../db-read";

type EditRow = Row & { claimId: string; status: string; changes: string };
type Anchor = { start: number; end: number };

export function formerClaimSpans(read: ReadDb, sourceId: string): { claimId: string; status: string; start: number; end: number }[] {
  const rows = read.all<EditRow>(
    `SELECT e."claimId", c."status", e."changes" FROM "ClaimEdit" e JOIN "Claim" c ON c."id" = e."claimId"
     WHERE e."kind" IN ('source-revision', 'edit') AND json_extract(e."changes", '$.source.from') = ? ORDER BY e."claimId", e."version"`,
    [sourceId],
  );
  const out: { claimId: string; status: string; start: number; end: number }[] = [];
  for (const r of rows) {
    const changes = JSON.parse(r.changes) as { anchors?: { from?: Anchor[] }; spans?: { from?: Anchor[] } };
    for (const a of changes.anchors?.from ?? changes.spans?.from ?? []) out.push({ claimId: r.claimId, status: r.status, start: a.start, end: a.end });
  }
  return out;
}
