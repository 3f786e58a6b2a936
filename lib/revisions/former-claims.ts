// Claims that were on a revision and have moved on to a newer one (carried automatically,
// or moved by an editor): where their quotes were on the old revision, read from their
// history, so a diff shows every claim that ever quoted each side.
import { bySql, type ReadDb, type Row } from "../db-read";

type EditRow = Row & { claimId: string; status: string; changes: string };
type Anchor = { start: number; end: number };

const FORMER_SQL = (fromSource: string) => `SELECT e."claimId", c."status", e."changes" FROM "ClaimEdit" e JOIN "Claim" c ON c."id" = e."claimId"
  WHERE e."kind" IN ('source-revision', 'edit') AND ${fromSource} = ? ORDER BY e."claimId", e."version"`;

export async function formerClaimSpans(read: ReadDb, sourceId: string): Promise<{ claimId: string; status: string; start: number; end: number }[]> {
  const sql = bySql(read, {
    sqlite: FORMER_SQL(`json_extract(e."changes", '$.source.from')`),
    postgres: FORMER_SQL(`(e."changes"::jsonb #>> '{source,from}')`),
  });
  const rows = await read.all<EditRow>(sql, [sourceId]);
  const out: { claimId: string; status: string; start: number; end: number }[] = [];
  for (const r of rows) {
    const changes = JSON.parse(r.changes) as { anchors?: { from?: Anchor[] }; spans?: { from?: Anchor[] } };
    for (const a of changes.anchors?.from ?? changes.spans?.from ?? []) out.push({ claimId: r.claimId, status: r.status, start: a.start, end: a.end });
  }
  return out;
}
