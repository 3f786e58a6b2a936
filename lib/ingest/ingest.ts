// `verbatim ingest` and POST /api/ingest: a newsroom's existing claims brought in from JSON
// Lines, one source per line (schemas.ts). First every line is checked — JSON, schema,
// source text, every span verbatim, speakers — without writing; then:
// - by default, any invalid line means nothing is imported (a 422 listing the lines);
// - with skipInvalid, the valid lines are imported and the invalid ones listed.
// A line is written whole or not at all. Writes run in one transaction (all or nothing),
// or with skipInvalid in one per batch, a batch that fails retried line by line.
import type { Db } from "../db";
import { AppError, fromDatabaseError } from "../errors";
import { indexClaimsAfter } from "../search/index-later";
import { prepareLine } from "./prepare-line";
import { PeopleResolver } from "./resolve-people";
import { emptyCounts, type IngestActor, type IngestCounts, type ResolvedLine, writeLines } from "./write-lines";

export type Rejected = { line: number; message: string };
export type IngestProgress = { phase: "checking" | "writing"; lines: number; claims: number };
export type IngestReport = IngestCounts & { lines: number; imported: number; rejected: Rejected[] };
export type IngestOptions = {
  actor: IngestActor;
  skipInvalid?: boolean;
  onProgress?: (p: IngestProgress) => void;
  /** Lines per write batch. */
  batchLines?: number;
};

/** How many rejected lines an error lists (all are counted). */
export const MAX_LISTED = 1000;
const PROGRESS_EVERY = 10_000;
const TX = { timeout: 30 * 60_000, maxWait: 30_000 };

/** A line's failure as its reason: a known database refusal in its words, anything else only logged. */
const message = (err: unknown): string => {
  const known = fromDatabaseError(err);
  if (known) return known.message;
  console.error("ingest: a line failed", err);
  return "internal error while writing the line (see the server log)";
};

async function check(db: Db, lines: AsyncIterable<string>, options: IngestOptions) {
  const people = await PeopleResolver.load(db);
  const valid: ResolvedLine[] = [];
  const rejected: Rejected[] = [];
  let n = 0;
  let claims = 0;
  for await (const line of lines) {
    n++;
    // A byte-order mark (files saved by some Windows tools) is not part of the first line's JSON.
    const raw = n === 1 ? line.replace(/^\uFEFF/, "") : line;
    if (raw.trim() === "") continue;
    const mark = people.mark();
    try {
      const line = await prepareLine(raw, n);
      const speakers = line.claims.map((c, i) => people.resolve(c.attribution, `claims.${i}.attribution`));
      valid.push({ ...line, speakers });
      claims += line.claims.length;
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      people.rollbackTo(mark);
      rejected.push({ line: n, message: err.message });
    }
    if (n % PROGRESS_EVERY === 0) options.onProgress?.({ phase: "checking", lines: n, claims });
  }
  return { valid, rejected, lines: n };
}

export async function ingest(db: Db, lines: AsyncIterable<string>, options: IngestOptions): Promise<IngestReport> {
  const { valid, rejected, lines: total } = await check(db, lines, options);
  if (rejected.length && !options.skipInvalid) {
    throw new AppError(
      "unprocessable",
      `Nothing was imported: ${rejected.length} of ${total} lines are invalid (first: line ${rejected[0]!.line}: ${rejected[0]!.message})`,
      { rejected: rejected.slice(0, MAX_LISTED) },
    );
  }
  const counts = emptyCounts();
  const size = options.batchLines ?? 2_000;
  const batches: ResolvedLine[][] = [];
  for (let i = 0; i < valid.length; i += size) batches.push(valid.slice(i, i + size));
  let written = 0;
  const progress = (batch: ResolvedLine[]) => {
    written += batch.reduce((k, l) => k + l.claims.length, 0);
    options.onProgress?.({ phase: "writing", lines: batch[batch.length - 1]!.line, claims: written });
  };
  const write = (batch: ResolvedLine[], into: IngestCounts) =>
    db.$transaction((tx) => indexClaimsAfter(tx, () => writeLines(tx, batch, options.actor, into)), TX);

  if (!options.skipInvalid) {
    try {
      await db.$transaction(
        (tx) =>
          indexClaimsAfter(tx, async () => {
            const ids: string[] = [];
            for (const batch of batches) {
              ids.push(...(await writeLines(tx, batch, options.actor, counts)));
              progress(batch);
            }
            return ids;
          }),
        TX,
      );
    } catch (err) {
      const known = fromDatabaseError(err);
      if (!known) throw err; // a 500 with nothing written: the transaction rolled back
      throw new AppError(known.code, `Nothing was imported: ${known.message}`, known.details);
    }
    return { ...counts, lines: total, imported: valid.length, rejected: [] };
  }

  let imported = 0;
  for (const batch of batches) {
    const attempt = emptyCounts();
    try {
      await write(batch, attempt);
      add(counts, attempt);
      imported += batch.length;
    } catch {
      for (const line of batch) {
        const one = emptyCounts();
        try {
          await write([line], one);
          add(counts, one);
          imported++;
        } catch (err) {
          rejected.push({ line: line.line, message: message(err) });
        }
      }
    }
    progress(batch);
  }
  rejected.sort((a, b) => a.line - b.line);
  return { ...counts, lines: total, imported, rejected };
}

function add(into: IngestCounts, from: IngestCounts): void {
  for (const k of Object.keys(into) as (keyof IngestCounts)[]) into[k] += from[k];
}
