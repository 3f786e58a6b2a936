import type { DbTx } from "../db";
import { notFound } from "../errors";
import { attributionDto, attributionSelect, sourceSummaryDto, sourceSummarySelect, spanSelect } from "../claims/claim-dto";
import { getSourceRecord } from "./get-source-record";

/**
 * A source's metadata, full text and hash, with its claims (in reading order of their
 * first span), and its record: version, where each field came from, revision links,
 * archive and history.
 */
export async function getSource(db: DbTx, id: string) {
  const row = await db.source.findUnique({
    where: { id },
    select: {
      ...sourceSummarySelect,
      text: true,
      length: true,
      createdAt: true,
      claims: {
        select: {
          id: true,
          text: true,
          status: true,
          version: true,
          asOf: true,
          sourceChanged: true,
          spans: { select: spanSelect, orderBy: { start: "asc" } },
          attribution: { select: attributionSelect },
        },
      },
    },
  });
  if (!row) throw notFound("source", id);
  const claims = row.claims
    .map((c) => ({ ...c, attribution: attributionDto(c.attribution) }))
    .sort((a, b) => (a.spans[0]?.start ?? 0) - (b.spans[0]?.start ?? 0) || a.id.localeCompare(b.id));
  const record = await getSourceRecord(db, id);
  return { ...sourceSummaryDto(row), text: row.text, length: row.length, createdAt: row.createdAt.toISOString(), ...record, claims };
}
export type SourceDetail = Awaited<ReturnType<typeof getSource>>;
