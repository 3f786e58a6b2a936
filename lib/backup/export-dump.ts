// `verbatim export`: streams the whole database as the JSONL backup format
// (lib/backup/format.ts). Tables are read in id order in keyset batches, so memory stays
// flat however large the database, and inside one read transaction, so the dump is a
// consistent snapshot even while the app keeps writing (SQLite WAL readers do not block writers).
// Secret-bearing tables (Account, Session, ApiToken, Verification, RateLimit) are never read.
import type { Db, DbTx } from "../db";
import { AppError } from "../errors";
import { createHash } from "node:crypto";
import {
  archiveLine, claimLine, DUMP_ORDER, type DumpType, editLine, headerLine, linkLine, mergeLine, personLine, rejectionLine, reviewLine, serializeRecord,
  sourceChangeLine, sourceEditLine, sourceLine, trailerLine, userLine,
} from "./format";
import { appliedMigrations } from "./migrations";

export type DumpCounts = {
  sources: number;
  people: number;
  aliases: number;
  merges: number;
  users: number;
  claims: number;
  spans: number;
  attributions: number;
  reviews: number;
  edits: number;
  links: number;
  rejections: number;
  sourceEdits: number;
  archives: number;
  sourceChanges: number;
};

export const ZERO_COUNTS: Readonly<DumpCounts> = {
  sources: 0,
  people: 0,
  aliases: 0,
  merges: 0,
  users: 0,
  claims: 0,
  spans: 0,
  attributions: 0,
  reviews: 0,
  edits: 0,
  links: 0,
  rejections: 0,
  sourceEdits: 0,
  archives: 0,
  sourceChanges: 0,
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

type After = { id?: { gt: string } };

/** Calls `each` for every row `page` returns, in id order, a batch at a time (keyset pagination); returns the row count. */
async function forEachRow<T extends { id: string }>(
  page: (where: After, take: number) => Promise<T[]>,
  take: number,
  each: (row: T) => Promise<void>,
): Promise<number> {
  let n = 0;
  for (let cursor: string | undefined; ; ) {
    const rows = await page(cursor === undefined ? {} : { id: { gt: cursor } }, take);
    if (rows.length === 0) return n;
    for (const row of rows) await each(row);
    n += rows.length;
    cursor = rows[rows.length - 1]!.id;
  }
}

/** The dump of whatever `tx` sees; run it inside a transaction for a consistent snapshot. */
export async function exportDumpIn(tx: DbTx, write: LineWriter, batchSize = 500): Promise<DumpCounts> {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
  const counts: DumpCounts = { ...ZERO_COUNTS };

  const migrations = await appliedMigrations(tx);
  const latest = migrations[migrations.length - 1];
  if (latest === undefined) throw new AppError("unprocessable", "The database has no applied migrations; run `verbatim migrate` first.");
  // Every line goes through here: counted, hashed, then written.
  const hash = createHash("sha256");
  const records = Object.fromEntries(DUMP_ORDER.map((t) => [t, 0])) as Record<DumpType, number>;
  let lines = 0;
  const emit = async (text: string) => {
    hash.update(`${text}\n`, "utf8");
    lines++;
    await write(text);
  };
  await emit(serializeRecord(headerLine(latest)));

  const line = async (record: { type: string }) => {
    records[record.type as DumpType]++;
    await emit(serializeRecord(record));
  };
  const byId = { id: "asc" } as const;

  counts.sources = await forEachRow(
    (where, take) => tx.source.findMany({ where, orderBy: byId, take }),
    Math.max(1, Math.floor(batchSize / 10)),
    (row) => line(sourceLine(row)),
  );
  counts.sourceEdits = await forEachRow((where, take) => tx.sourceEdit.findMany({ where, orderBy: byId, take }), batchSize, (row) => line(sourceEditLine(row)));
  // An archive's id is its source's; WARC files can be megabytes, so a few at a time.
  counts.archives = await forEachRow(
    async (where, take) =>
      (await tx.sourceArchive.findMany({ where: where.id ? { sourceId: where.id } : {}, orderBy: { sourceId: "asc" }, take })).map((a) => ({ ...a, id: a.sourceId })),
    Math.max(1, Math.floor(batchSize / 50)),
    (row) => line(archiveLine(row)),
  );
  counts.people = await forEachRow(
    (where, take) => tx.person.findMany({ where, orderBy: byId, take, include: { aliases: { orderBy: byId } } }),
    batchSize,
    async (row) => {
      await line(personLine(row));
      counts.aliases += row.aliases.length;
    },
  );
  counts.merges = await forEachRow((where, take) => tx.personMerge.findMany({ where, orderBy: byId, take }), batchSize, (row) => line(mergeLine(row)));
  // Only the User table: its accounts (password hashes), sessions and API tokens stay behind.
  counts.users = await forEachRow((where, take) => tx.user.findMany({ where, orderBy: byId, take }), batchSize, (row) => line(userLine(row)));
  counts.claims = await forEachRow(
    (where, take) =>
      tx.claim.findMany({ where, orderBy: byId, take, include: { attribution: true, spans: { orderBy: [{ start: "asc" }, { id: "asc" }] } } }),
    batchSize,
    async (row) => {
      await line(claimLine(row));
      counts.spans += row.spans.length;
      if (row.attribution) counts.attributions++;
    },
  );
  counts.reviews = await forEachRow((where, take) => tx.review.findMany({ where, orderBy: byId, take }), batchSize, (row) => line(reviewLine(row)));
  counts.edits = await forEachRow((where, take) => tx.claimEdit.findMany({ where, orderBy: byId, take }), batchSize, (row) => line(editLine(row)));
  counts.links = await forEachRow((where, take) => tx.claimLink.findMany({ where, orderBy: byId, take }), batchSize, (row) => line(linkLine(row)));
  counts.rejections = await forEachRow((where, take) => tx.suggestionRejection.findMany({ where, orderBy: byId, take }), batchSize, (row) => line(rejectionLine(row)));
  counts.sourceChanges = await forEachRow((where, take) => tx.sourceChange.findMany({ where, orderBy: byId, take }), batchSize, (row) => line(sourceChangeLine(row)));

  await write(serializeRecord(trailerLine(records, lines, hash.digest("hex"))));
  return counts;
}
