// `verbatim import`: loads a backup made by `verbatim export` into an empty database.
// Every line is checked first — JSON, schema, format version, unique ids, references,
// each source's sha256 and code-point length, and the verbatim invariant of every span —
// and if anything is wrong the import is refused as a whole, naming each bad line; only
// then is everything written (write-dump.ts), in one transaction, so a failure leaves the
// database empty. Users are imported without passwords or tokens: the dump has none.
import type { ZodError } from "zod";
import type { Db, DbTx } from "../db";
import { AppError, fromDatabaseError } from "../errors";
import { sha256Hex } from "../sources/hash";
import { CodePointIndex, cpLength, isWellFormed } from "../spans/codepoints";
import { spanViolations } from "../spans/span";
import type { DumpCounts } from "./export-dump";
import { BACKUP_END_TYPE, BACKUP_TYPE, BACKUP_VERSION, TRAILER_SINCE_VERSION, TYPES_BY_VERSION, DUMP_ORDER } from "./format";
import { appliedMigrations } from "./migrations";
import {
  headerRecord,
  RECORD_SCHEMAS,
  reviewRecordV1,
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
  type SourceRecord,
  type SpanRecord,
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

type Located<T> = { line: number; record: T };
type Problem = { line: number; message: string };

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

/** One record against its schema. A version 1 review has no `version`: it is read as null. */
function parseRecord(type: RecordType, value: unknown, version: number): { success: true; data: BackupRecord } | { success: false; error: ZodError } {
  if (version === 1 && type === "review") {
    const v1 = reviewRecordV1.safeParse(value);
    return v1.success ? { success: true, data: { ...v1.data, version: null } } : v1;
  }
  return RECORD_SCHEMAS[type].safeParse(value);
}

/** Every line parsed and cross-checked; throws an AppError naming each bad line. Writes nothing. */
export async function parseDump(lines: AsyncIterable<string> | Iterable<string>, applied: readonly string[]): Promise<ParsedDump> {
  const problems: Problem[] = [];
  const dump: Omit<ParsedDump, "header"> = { sources: [], people: [], merges: [], users: [], claims: [], reviews: [], edits: [], links: [], rejections: [] };
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

/** Uniqueness, references, hashes and the verbatim invariant across records. */
function crossCheck(dump: Omit<ParsedDump, "header">, problems: Problem[]): void {
  const add = (line: number, message: string) => problems.push({ line, message });

  /** Registers a unique key; reports a repeat on its line, naming the first. */
  const unique = () => {
    const seen = new Map<string, number>();
    return (key: string, line: number, what: string): boolean => {
      const first = seen.get(key);
      if (first !== undefined) {
        add(line, `${what} (first on line ${first})`);
        return false;
      }
      seen.set(key, line);
      return true;
    };
  };

  const sources = new Map<string, Located<SourceRecord>>();
  const sourceId = unique();
  const sha = unique();
  for (const s of dump.sources) {
    const r = s.record;
    if (!sourceId(r.id, s.line, `duplicate source id "${r.id}"`)) continue;
    sources.set(r.id, s);
    sha(r.sha256, s.line, `source ${r.id}: another source has the same sha256 ${r.sha256}`);
    if (!isWellFormed(r.text)) {
      add(s.line, `source ${r.id}: text contains an unpaired surrogate`);
      continue;
    }
    const actual = sha256Hex(r.text);
    if (actual !== r.sha256) add(s.line, `source ${r.id}: text hashes to ${actual}, not the recorded sha256 ${r.sha256}`);
    const length = cpLength(r.text);
    if (length !== r.length) add(s.line, `source ${r.id}: length ${r.length} ≠ the text's ${length} code points`);
  }

  const people = new Set<string>();
  const personId = unique();
  const slug = unique();
  const aliasId = unique();
  for (const p of dump.people) {
    const r = p.record;
    if (!personId(r.id, p.line, `duplicate person id "${r.id}"`)) continue;
    people.add(r.id);
    slug(r.slug, p.line, `person ${r.id}: duplicate slug "${r.slug}"`);
    const names = new Set<string>();
    r.aliases.forEach((a, i) => {
      aliasId(a.id, p.line, `person ${r.id}: aliases.${i}: duplicate alias id "${a.id}"`);
      if (names.has(a.alias)) add(p.line, `person ${r.id}: aliases.${i}: duplicate alias ${JSON.stringify(a.alias)}`);
      names.add(a.alias);
    });
  }

  const claims = new Set<string>();
  const claimId = unique();
  const attributionId = unique();
  const spanId = unique();
  // Spans grouped by source, so each source's code-point index is built once and dropped.
  const spansBySource = new Map<string, { line: number; claimId: string; i: number; span: SpanRecord }[]>();
  for (const c of dump.claims) {
    const r = c.record;
    if (!claimId(r.id, c.line, `duplicate claim id "${r.id}"`)) continue;
    claims.add(r.id);
    const hasSource = sources.has(r.sourceId);
    if (!hasSource) add(c.line, `claim ${r.id}: sourceId "${r.sourceId}" is not a source in this backup`);
    const a = r.attribution;
    if (a) {
      attributionId(a.id, c.line, `claim ${r.id}: duplicate attribution id "${a.id}"`);
      if (a.personId !== null && !people.has(a.personId)) {
        add(c.line, `claim ${r.id}: attribution.personId "${a.personId}" is not a person in this backup`);
      }
    }
    r.spans.forEach((span, i) => {
      spanId(span.id, c.line, `claim ${r.id}: spans.${i}: duplicate span id "${span.id}"`);
      if (span.sourceId !== r.sourceId) {
        add(c.line, `claim ${r.id}: spans.${i}: sourceId "${span.sourceId}" differs from the claim's source "${r.sourceId}"`);
      } else if (hasSource) {
        let list = spansBySource.get(r.sourceId);
        if (!list) spansBySource.set(r.sourceId, (list = []));
        list.push({ line: c.line, claimId: r.id, i, span });
      }
    });
  }

  for (const [id, spans] of spansBySource) {
    const index = new CodePointIndex(sources.get(id)!.record.text);
    for (const s of spans) {
      for (const v of spanViolations(index, s.span)) {
        add(s.line, `claim ${s.claimId}: spans.${s.i} (span ${s.span.id}) is not verbatim: ${v.message}`);
      }
    }
  }

  const reviewId = unique();
  for (const rv of dump.reviews) {
    const r = rv.record;
    reviewId(r.id, rv.line, `duplicate review id "${r.id}"`);
    if (!claims.has(r.claimId)) add(rv.line, `review ${r.id}: claimId "${r.claimId}" is not a claim in this backup`);
  }

  // Who made a review, edit, link or merge is a plain string (the user may be gone), so
  // only real foreign keys are checked: survivor → person, edit and link → claims.
  const mergeId = unique();
  const mergedId = unique();
  for (const m of dump.merges) {
    const r = m.record;
    if (!mergeId(r.id, m.line, `duplicate merge id "${r.id}"`)) continue;
    mergedId(r.mergedId, m.line, `merge ${r.id}: person "${r.mergedId}" was already merged`);
    if (!people.has(r.survivorId)) add(m.line, `merge ${r.id}: survivorId "${r.survivorId}" is not a person in this backup`);
  }

  const userId = unique();
  const email = unique();
  for (const u of dump.users) {
    const r = u.record;
    if (!userId(r.id, u.line, `duplicate user id "${r.id}"`)) continue;
    email(r.email, u.line, `user ${r.id}: duplicate email "${r.email}"`);
  }

  const editId = unique();
  for (const e of dump.edits) {
    const r = e.record;
    editId(r.id, e.line, `duplicate edit id "${r.id}"`);
    if (!claims.has(r.claimId)) add(e.line, `edit ${r.id}: claimId "${r.claimId}" is not a claim in this backup`);
  }

  const linkId = unique();
  const linkPair = unique();
  for (const l of dump.links) {
    const r = l.record;
    if (!linkId(r.id, l.line, `duplicate link id "${r.id}"`)) continue;
    linkPair(`${r.fromClaimId} ${r.toClaimId}`, l.line, `link ${r.id}: another link already joins ${r.fromClaimId} to ${r.toClaimId}`);
    for (const end of ["fromClaimId", "toClaimId"] as const) {
      if (!claims.has(r[end])) add(l.line, `link ${r.id}: ${end} "${r[end]}" is not a claim in this backup`);
    }
  }

  const rejectionId = unique();
  const rejectionKey = unique();
  for (const j of dump.rejections) {
    const r = j.record;
    if (!rejectionId(r.id, j.line, `duplicate rejection id "${r.id}"`)) continue;
    rejectionKey(`${r.sourceId} ${r.key}`, j.line, `rejection ${r.id}: suggestion ${r.key} of source ${r.sourceId} is rejected twice`);
    if (!sources.has(r.sourceId)) add(j.line, `rejection ${r.id}: sourceId "${r.sourceId}" is not a source in this backup`);
  }
}
