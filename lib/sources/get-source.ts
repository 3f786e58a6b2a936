import type { DbTx } from "../db";
import { notFound } from "../errors";
import { attributionDto, attributionSelect, sourceSummaryDto, sourceSummarySelect, spanSelect } from "../claims/claim-dto";
import { readInChunks } from "../db-chunks";
import { getSourceRecord } from "./get-source-record";

const claimSelect = {
  id: true,
  text: true,
  status: true,
  version: true,
  asOf: true,
  sourceChanged: true,
  spans: { select: spanSelect, orderBy: { start: "asc" } },
  attribution: { select: attributionSelect },
} as const;

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
    },
  });
  if (!row) throw notFound("source", id);
  const rows = await readInChunks((chunk) => db.claim.findMany({ where: { sourceId: id }, orderBy: { id: "asc" }, select: claimSelect, ...chunk }));
  const claims = rows
    .map((c) => ({ ...c, attribution: attributionDto(c.attribution) }))
    .sort((a, b) => (a.spans[0]?.start ?? 0) - (b.spans[0]?.start ?? 0) || a.id.localeCompare(b.id));
  const record = await getSourceRecord(db, id);
  return { ...sourceSummaryDto(row), text: row.text, length: row.length, createdAt: row.createdAt.toISOString(), ...record, claims };
}
export type SourceDetail = Awaited<ReturnType<typeof getSource>>;
