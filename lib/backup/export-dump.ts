// `verbatim export`: streams the whole database as the JSONL backup format
// (lib/backup/format.ts). Tables are read in id order in keyset batches, so memory stays
// flat however large the database, and inside one read transaction, so the dump is a
// consistent snapshot even while the app keeps writing (SQLite WAL readers do not block writers).
import type { Db, DbTx } from "../db";
import { AppError } from "../errors";
import { claimLine, headerLine, personLine, reviewLine, serializeRecord, sourceLine } from "./format";
import { appliedMigrations } from "./migrations";

export type DumpCounts = {
  sources: number;
  people: number;
  aliases: number;
  claims: number;
  spans: number;
  attributions: number;
  reviews: number;
};

/** Receives each line of the dump in order, without its trailing newline. */
export type LineWriter = (line: string) => void | Promise<void>;

export type ExportOptions = {
  /** Rows read per query (sources: a tenth of it, their texts can be large). Default 500. */
  batchSize?: number;
  /** How long the read transaction may stay open, in ms. Default one hour. */
  timeoutMs?: number;
};

/** Writes the header and every record of `db`; returns how many of each were written. */
export function exportDump(db: Db, write: LineWriter, options: ExportOptions = {}): Promise<DumpCounts> {
  const timeout = options.timeoutMs ?? 60 * 60_000;
  return db.$transaction((tx) => exportDumpIn(tx, write, options.batchSize ?? 500), { timeout, maxWait: 30_000 });
}

/** The dump of whatever `tx` sees; run it inside a transaction for a consistent snapshot. */
export async function exportDumpIn(tx: DbTx, write: LineWriter, batchSize = 500): Promise<DumpCounts> {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
  const counts: DumpCounts = { sources: 0, people: 0, aliases: 0, claims: 0, spans: 0, attributions: 0, reviews: 0 };

  const migrations = await appliedMigrations(tx);
  const latest = migrations[migrations.length - 1];
  if (latest === undefined) throw new AppError("unprocessable", "The database has no applied migrations; run `verbatim migrate` first.");
  await write(serializeRecord(headerLine(latest)));

  // Keyset pagination: each batch starts after the last id of the previous one.
  const after = (cursor: string | undefined) => (cursor === undefined ? {} : { id: { gt: cursor } });

  for (let cursor: string | undefined; ; ) {
    const rows = await tx.source.findMany({ where: after(cursor), orderBy: { id: "asc" }, take: Math.max(1, Math.floor(batchSize / 10)) });
    if (rows.length === 0) break;
    for (const row of rows) await write(serializeRecord(sourceLine(row)));
    counts.sources += rows.length;
    cursor = rows[rows.length - 1]!.id;
  }

  for (let cursor: string | undefined; ; ) {
    const rows = await tx.person.findMany({
      where: after(cursor),
      orderBy: { id: "asc" },
      take: batchSize,
      include: { aliases: { orderBy: { id: "asc" } } },
    });
    if (rows.length === 0) break;
    for (const row of rows) {
      await write(serializeRecord(personLine(row)));
      counts.aliases += row.aliases.length;
    }
    counts.people += rows.length;
    cursor = rows[rows.length - 1]!.id;
  }

  for (let cursor: string | undefined; ; ) {
    const rows = await tx.claim.findMany({
      where: after(cursor),
      orderBy: { id: "asc" },
      take: batchSize,
      include: { attribution: true, spans: { orderBy: [{ start: "asc" }, { id: "asc" }] } },
    });
    if (rows.length === 0) break;
    for (const row of rows) {
      await write(serializeRecord(claimLine(row)));
      counts.spans += row.spans.length;
      if (row.attribution) counts.attributions++;
    }
    counts.claims += rows.length;
    cursor = rows[rows.length - 1]!.id;
  }

  for (let cursor: string | undefined; ; ) {
    const rows = await tx.review.findMany({ where: after(cursor), orderBy: { id: "asc" }, take: batchSize });
    if (rows.length === 0) break;
    for (const row of rows) await write(serializeRecord(reviewLine(row)));
    counts.reviews += rows.length;
    cursor = rows[rows.length - 1]!.id;
  }

  return counts;
}
