// `verbatim import`: loads a backup made by `verbatim export` into an empty database.
// Every line is checked first — JSON, schema, format version, unique ids, references,
// each source's sha256 and code-point length, and the verbatim invariant of every span —
// and if anything is wrong the import is refused as a whole, naming each bad line; only
// then is everything written (write-dump.ts), in one transaction, so a failure leaves the
// database empty. Users are imported without passwords or tokens: the dump has none.
import type { ZodError } from "zod";
import type { Db, DbTx } from "../db";
import { AppError, fromDatabaseError } from "../errors";
import type { DumpCounts } from "./export-dump";
import { BACKUP_END_TYPE, BACKUP_TYPE, BACKUP_VERSION, TRAILER_SINCE_VERSION, TYPES_BY_VERSION, DUMP_ORDER } from "./format";
import { crossCheck } from "./cross-check";
import { appliedMigrations } from "./migrations";
import {
  headerRecord,
  RECORD_SCHEMAS,
  reviewRecordV1,
  sourceRecordV5,
  type ArchiveRecord,
  type BackupRecord,
  type ClaimRecord,
  type EditRecord,
  type HeaderRecord,
  type LinkRecord,
  type RejectionRecord,
  type MergeRecord,
  type PersonRecord,
  type RecordType,
  type ReviewRecord,
  type SourceChangeRecord,
  type SourceEditRecord,
  type SourceRecord,
  type UserRecord,
} from "./schemas";
import { writeDump } from "./write-dump";
import { isTrailerLine, TrailerCheck } from "./trailer-check";

/** How many problems an error message lists (all of them are counted). */
export const MAX_LISTED_PROBLEMS = 50;

export type ImportSummary = DumpCounts & { migration: string };

export type ImportOptions = {
  /** Rows per INSERT. Default 200. */
  chunkSize?: number;
  /** How long the write transaction may take, in ms. Default one hour. */
  timeoutMs?: number;
};

export type Located<T> = { line: number; record: T };
export type Problem = { line: number; message: string };

export type ParsedDump = {
  header: HeaderRecord;
  sources: Located<SourceRecord>[];
  people: Located<PersonRecord>[];
  merges: Located<MergeRecord>[];
  users: Located<UserRecord>[];
  claims: Located<ClaimRecord>[];
  reviews: Located<ReviewRecord>[];
  edits: Located<EditRecord>[];
  links: Located<LinkRecord>[];
  rejections: Located<RejectionRecord>[];
  sourceEdits: Located<SourceEditRecord>[];
  archives: Located<ArchiveRecord>[];
  sourceChanges: Located<SourceChangeRecord>[];
};

/** Imports `lines` (a dump, one record per item, newlines optional) into the empty database `db`. */
export async function importDump(
  db: Db,
  lines: AsyncIterable<string> | Iterable<string>,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  await assertEmpty(db);
  const dump = await parseDump(lines, await appliedMigrations(db));
  try {
    await db.$transaction(
      async (tx) => {
        await assertEmpty(tx); // again, now that nothing else can write
        await writeDump(tx, dump, options.chunkSize ?? 200);
      },
      { timeout: options.timeoutMs ?? 60 * 60_000, maxWait: 30_000 },
    );
  } catch (err) {
    if (err instanceof AppError) throw err;
    const known = fromDatabaseError(err);
    if (known) throw new AppError(known.code, `Nothing was imported: ${known.message}`);
    throw err;
  }
  return summarize(dump);
}

/**
 * Refuses a database that holds any record (or has no tables yet). Users count: an
 * imported user must not clash with an account made before the import. (Edits, links
 * and merges cannot exist without claims and people.)
 */
async function assertEmpty(db: DbTx): Promise<void> {
  let counts: [number, number, number, number, number];
  try {
    counts = await Promise.all([db.source.count(), db.person.count(), db.claim.count(), db.review.count(), db.user.count()]);
  } catch (err) {
    if (err instanceof Error && /no such table/i.test(err.message)) {
      throw new AppError("unprocessable", "The database has no tables; run `verbatim migrate` before importing.");
    }
    throw err;
  }
  const [sources, people, claims, reviews, users] = counts;
  if (sources + people + claims + reviews + users > 0) {
    throw new AppError(
      "conflict",
      `The database is not empty (${sources} sources, ${people} people, ${claims} claims, ${reviews} reviews, ${users} users); ` +
        "import only into a new, migrated database. Nothing was imported.",
    );
  }
}

function summarize(dump: ParsedDump): ImportSummary {
  let aliases = 0;
  for (const p of dump.people) aliases += p.record.aliases.length;
  let spans = 0;
  let attributions = 0;
  for (const c of dump.claims) {
    spans += c.record.spans.length;
    if (c.record.attribution) attributions++;
  }
  return {
    migration: dump.header.migration,
    sources: dump.sources.length,
    people: dump.people.length,
    aliases,
    merges: dump.merges.length,
    users: dump.users.length,
    claims: dump.claims.length,
    spans,
    attributions,
    reviews: dump.reviews.length,
    edits: dump.edits.length,
    links: dump.links.length,
    rejections: dump.rejections.length,
    sourceEdits: dump.sourceEdits.length,
    archives: dump.archives.length,
    sourceChanges: dump.sourceChanges.length,
  };
}

function refuse(problems: Problem[]): never {
  const sorted = [...problems].sort((a, b) => a.line - b.line);
  const listed = sorted.slice(0, MAX_LISTED_PROBLEMS).map((p) => `line ${p.line}: ${p.message}`);
  const more = sorted.length - listed.length;
  const message = [
    `The backup has ${sorted.length} problem${sorted.length === 1 ? "" : "s"}; nothing was imported.`,
    ...listed,
    ...(more > 0 ? [`… and ${more} more`] : []),
  ].join("\n");
  throw new AppError("unprocessable", message, { problems: listed, total: sorted.length });
}

function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues.map((i) => (i.path.length ? `${i.path.map(String).join(".")}: ${i.message}` : i.message)).join("; ");
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function isRecordType(t: string): t is keyof typeof RECORD_SCHEMAS {
  return Object.hasOwn(RECORD_SCHEMAS, t);
}

/**
 * One record against its schema. A version 1 review has no `version`: it is read as null.
 * A source before version 6 has no metadata version, origins, republication or revision link.
 */
function parseRecord(type: RecordType, value: unknown, version: number): { success: true; data: BackupRecord } | { success: false; error: ZodError } {
  if (version === 1 && type === "review") {
    const v1 = reviewRecordV1.safeParse(value);
    return v1.success ? { success: true, data: { ...v1.data, version: null } } : v1;
  }
  if (version < 6 && type === "source") {
    const v5 = sourceRecordV5.safeParse(value);
    return v5.success ? { success: true, data: { ...v5.data, version: 1, metadataOrigin: {}, republishedFrom: null, revisionOf: null } } : v5;
  }
  return RECORD_SCHEMAS[type].safeParse(value);
}

/** Every line parsed and cross-checked; throws an AppError naming each bad line. Writes nothing. */
export async function parseDump(lines: AsyncIterable<string> | Iterable<string>, applied: readonly string[]): Promise<ParsedDump> {
  const problems: Problem[] = [];
  const dump: Omit<ParsedDump, "header"> = {
    sources: [], people: [], merges: [], users: [], claims: [], reviews: [], edits: [], links: [], rejections: [], sourceEdits: [], archives: [], sourceChanges: [],
  };
  let header: HeaderRecord | undefined;
  let lineNo = 0;
  let blanks: number[] = [];
  const trailer = new TrailerCheck();

  for await (const rawLine of lines) {
    lineNo++;
    const line = rawLine.replace(/\r?\n$/, "");
    if (trailer.seen && line.trim() !== "") {
      problems.push({ line: lineNo, message: "a line after the backup's end record" });
      continue;
    }
    if (header && header.version >= TRAILER_SINCE_VERSION && isTrailerLine(line)) {
      trailer.check(line, lineNo, problems, TYPES_BY_VERSION[header.version] ?? DUMP_ORDER);
      continue;
    }
    trailer.add(line);
    if (line.trim() === "") {
      if (lineNo === 1) refuse([{ line: 1, message: `expected the backup header {"type":"${BACKUP_TYPE}",...}, found an empty line` }]);
      blanks.push(lineNo); // blank lines at the very end are harmless; anywhere else they are reported
      continue;
    }
    for (const b of blanks) problems.push({ line: b, message: "empty line" });
    blanks = [];

    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      const reason = `not valid JSON (${(err as Error).message})`;
      if (lineNo === 1) refuse([{ line: 1, message: `not a Verbatim backup: ${reason}` }]);
      problems.push({ line: lineNo, message: reason });
      continue;
    }

    if (lineNo === 1) {
      header = parseHeader(value, applied, problems);
      continue;
    }
    if (!isObject(value)) {
      problems.push({ line: lineNo, message: "a record must be a JSON object" });
      continue;
    }
    const type = value.type;
    if (typeof type !== "string") {
      problems.push({ line: lineNo, message: 'the record has no "type"' });
      continue;
    }
    if (type === BACKUP_TYPE) {
      problems.push({ line: lineNo, message: "a second backup header (only line 1 may be one)" });
      continue;
    }
    // The header is set: line 1 either parsed as one or stopped the import.
    const version = header?.version ?? BACKUP_VERSION;
    const known = TYPES_BY_VERSION[version] ?? [];
    if (!isRecordType(type) || !(known as readonly string[]).includes(type)) {
      problems.push({ line: lineNo, message: `unknown record type ${JSON.stringify(type)} (format version ${version} holds ${known.join(", ")})` });
      continue;
    }
    if (version >= TRAILER_SINCE_VERSION) trailer.order(type, value.id, lineNo, problems);
    const label = typeof value.id === "string" ? `${type} ${value.id}` : type;
    const result = parseRecord(type, value, version);
    if (!result.success) {
      problems.push({ line: lineNo, message: `${label}: ${describeIssues(result.error.issues)}` });
      continue;
    }
    const record = result.data;
    switch (record.type) {
      case "source":
        dump.sources.push({ line: lineNo, record });
        break;
      case "person":
        dump.people.push({ line: lineNo, record });
        break;
      case "claim":
        dump.claims.push({ line: lineNo, record });
        break;
      case "review":
        dump.reviews.push({ line: lineNo, record });
        break;
      case "merge":
        dump.merges.push({ line: lineNo, record });
        break;
      case "user":
        dump.users.push({ line: lineNo, record });
        break;
      case "edit":
        dump.edits.push({ line: lineNo, record });
        break;
      case "link":
        dump.links.push({ line: lineNo, record });
        break;
      case "rejection":
        dump.rejections.push({ line: lineNo, record });
        break;
      case "sourceEdit":
        dump.sourceEdits.push({ line: lineNo, record });
        break;
      case "archive":
        dump.archives.push({ line: lineNo, record });
        break;
      case "sourceChange":
        dump.sourceChanges.push({ line: lineNo, record });
        break;
    }
  }

  if (lineNo === 0) refuse([{ line: 1, message: "the backup is empty (no header)" }]);
  if (!header) refuse(problems);
  if (header.version >= TRAILER_SINCE_VERSION && !trailer.seen) {
    refuse([...problems, { line: lineNo, message: `the backup is truncated: it ends without its end record {"type":"${BACKUP_END_TYPE}",...} (after ${trailer.lines} lines)` }]);
  }
  crossCheck(dump, problems);
  if (problems.length > 0) refuse(problems);
  return { header, ...dump };
}

/** Line 1. A wrong type or version makes the rest meaningless, so those stop at once. */
function parseHeader(value: unknown, applied: readonly string[], problems: Problem[]): HeaderRecord {
  if (!isObject(value) || value.type !== BACKUP_TYPE) {
    refuse([{ line: 1, message: `not a Verbatim backup: the first line must be the header {"type":"${BACKUP_TYPE}","version":${BACKUP_VERSION},...}` }]);
  }
  if (typeof value.version !== "number" || !Object.hasOwn(TYPES_BY_VERSION, value.version)) {
    const versions = Object.keys(TYPES_BY_VERSION);
    const readable = versions.length > 1 ? `${versions.slice(0, -1).join(", ")} and ${versions.at(-1)}` : versions.join("");
    refuse([{ line: 1, message: `backup format version ${JSON.stringify(value.version)} is not supported; this version of Verbatim reads versions ${readable}` }]);
  }
  const result = headerRecord.safeParse(value);
  if (!result.success) refuse([{ line: 1, message: `header: ${describeIssues(result.error.issues)}` }]);
  const header = result.data;
  if (!applied.includes(header.migration)) {
    problems.push({
      line: 1,
      message:
        `the backup was made from a database at migration ${header.migration}, which this database has not applied ` +
        `(its latest is ${applied[applied.length - 1] ?? "none"}): it comes from a newer Verbatim; import it with the version that made it`,
    });
  }
  return header;
}
