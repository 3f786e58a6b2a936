// The backup format: JSON Lines, UTF-8, one record per line (see README.md here).
//
//   {"type":"verbatim-backup","version":2,"migration":"20261121212336_accounts_history_links"}
//   {"type":"source",...}     every source, by id
//   {"type":"person",...}     every person with their aliases inline, by id
//   {"type":"merge",...}      every person merge, by id
//   {"type":"user",...}       every user, by id: identity and role only, never a secret
//   {"type":"claim",...}      every claim with its attribution and spans inline, by id
//   {"type":"review",...}     every review, by id
//   {"type":"edit",...}       every claim edit, by id
//   {"type":"link",...}       every claim link, by id
//   {"type":"rejection",...}  every rejected suggestion, by id (version 5 on)
//   {"type":"sourceChange",...} every claim's source change after a revision, by id (version 6 on)
//
// Version 6 adds, after the sources, {"type":"sourceEdit",...} (each source's history)
// and {"type":"archive",...} (a fetched source's WARC file, base64, id = the source's),
// and gives each source its metadata version, field origins, republication and revision link.
//
// Each record carries every column of its table (users: only the columns listed below),
// keys in the fixed order written below, timestamps as `toISOString()` strings, JSON
// columns (review evidence, edit changes, merge claim ids) as parsed JSON. There is no
// timestamp in the header, so the same database always dumps to the same bytes.
import type {
  Attribution,
  Claim,
  ClaimEdit,
  ClaimLink,
  Person,
  PersonAlias,
  PersonMerge,
  SuggestionRejection,
  Review,
  Source,
  SourceArchive,
  SourceChange,
  SourceEdit,
  Span,
  User,
} from "../generated/prisma/client";
import { AppError } from "../errors";

export const BACKUP_TYPE = "verbatim-backup";
/** The format version this build writes. Bump it when a record type is added or changes shape. */
export const BACKUP_VERSION = 6;
/** The last line of a version 3 dump: record counts and a checksum of every line before it. */
export const BACKUP_END_TYPE = "verbatim-backup-end";
/** Record types in dump order (after the header). */
export const DUMP_ORDER = ["source", "sourceEdit", "archive", "person", "merge", "user", "claim", "review", "edit", "link", "rejection", "sourceChange"] as const;
export type DumpType = (typeof DUMP_ORDER)[number];
/**
 * The record types each readable format version may hold. Version 1 (before users,
 * history and links) is version 2 without the newer types, so it is still read.
 */
const V5_TYPES: readonly DumpType[] = ["source", "person", "merge", "user", "claim", "review", "edit", "link", "rejection"];
export const TYPES_BY_VERSION: Readonly<Record<number, readonly DumpType[]>> = {
  1: ["source", "person", "claim", "review"],
  2: V5_TYPES.filter((t) => t !== "rejection"),
  3: V5_TYPES.filter((t) => t !== "rejection"),
  // 4: people carry `sameAs` (identifiers such as a Wikidata URL).
  4: V5_TYPES.filter((t) => t !== "rejection"),
  // 5: rejected suggestions (a source's suggested claims an editor said no to).
  5: V5_TYPES,
  // 6: sources that change — source history, archives, revision links, source changes.
  6: DUMP_ORDER,
};
/** From this format version on, a dump must end with its trailer (see trailerLine). */
export const TRAILER_SINCE_VERSION = 3;

/** One line of the dump: a record as JSON, no newline. Key order is the object's. */
export function serializeRecord(record: object): string {
  return JSON.stringify(record);
}

export function headerLine(migration: string) {
  return { type: BACKUP_TYPE, version: BACKUP_VERSION, migration };
}

/**
 * The trailer: how many records of each type precede it, how many lines (header
 * included), and the SHA-256 of those lines' bytes, each followed by "\n". A truncated,
 * reordered, duplicated or edited file no longer matches it.
 */
export function trailerLine(records: Record<DumpType, number>, lines: number, sha256: string) {
  return { type: BACKUP_END_TYPE, records, lines, sha256 };
}

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d === null ? null : d.toISOString());

export function sourceLine(s: Source) {
  return {
    type: "source",
    id: s.id,
    title: s.title,
    publisher: s.publisher,
    author: s.author,
    url: s.url,
    publishedAt: s.publishedAt,
    retrievedAt: isoOrNull(s.retrievedAt),
    language: s.language,
    sha256: s.sha256,
    length: s.length,
    createdAt: iso(s.createdAt),
    version: s.version,
    metadataOrigin: parsedJson(s.metadataOrigin, `source ${s.id}: stored metadataOrigin`),
    republishedFrom: s.republishedFrom === null ? null : parsedJson(s.republishedFrom, `source ${s.id}: stored republishedFrom`),
    revisionOf: s.revisionOf,
    text: s.text,
  };
}

export function sourceEditLine(e: SourceEdit) {
  return {
    type: "sourceEdit",
    id: e.id,
    sourceId: e.sourceId,
    kind: e.kind,
    version: e.version,
    changes: parsedJson(e.changes, `source edit ${e.id}: stored changes`),
    actorId: e.actorId,
    actorName: e.actorName,
    createdAt: iso(e.createdAt),
  };
}

export function archiveLine(a: SourceArchive) {
  return {
    type: "archive",
    id: a.sourceId,
    requestedUrl: a.requestedUrl,
    finalUrl: a.finalUrl,
    redirects: parsedJson(a.redirects, `archive ${a.sourceId}: stored redirects`),
    status: a.status,
    contentType: a.contentType,
    etag: a.etag,
    lastModified: a.lastModified,
    fetchedAt: iso(a.fetchedAt),
    warc: Buffer.from(a.warc).toString("base64"),
  };
}

export function sourceChangeLine(c: SourceChange) {
  return {
    type: "sourceChange",
    id: c.id,
    claimId: c.claimId,
    fromSourceId: c.fromSourceId,
    toSourceId: c.toSourceId,
    spans: parsedJson(c.spans, `source change ${c.id}: stored spans`),
    state: c.state,
    resolvedById: c.resolvedById,
    resolvedByName: c.resolvedByName,
    resolvedAt: isoOrNull(c.resolvedAt),
    createdAt: iso(c.createdAt),
  };
}

export function personLine(p: Person & { aliases: PersonAlias[] }) {
  return {
    type: "person",
    id: p.id,
    name: p.name,
    slug: p.slug,
    description: p.description,
    sameAs: JSON.parse(p.sameAs) as string[],
    createdAt: iso(p.createdAt),
    aliases: p.aliases.map((a) => ({ id: a.id, alias: a.alias, folded: a.folded })),
  };
}

export function claimLine(c: Claim & { attribution: Attribution | null; spans: Span[] }) {
  const a = c.attribution;
  return {
    type: "claim",
    id: c.id,
    sourceId: c.sourceId,
    text: c.text,
    status: c.status,
    version: c.version,
    asOf: c.asOf,
    createdAt: iso(c.createdAt),
    updatedAt: iso(c.updatedAt),
    attribution: a === null ? null : { id: a.id, kind: a.kind, personId: a.personId, role: a.role },
    spans: c.spans.map((s) => ({
      id: s.id,
      sourceId: s.sourceId,
      start: s.start,
      end: s.end,
      exact: s.exact,
      prefix: s.prefix,
      suffix: s.suffix,
    })),
  };
}

/** A JSON column's parsed value; a column that is not JSON cannot be exported faithfully. */
function parsedJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("unprocessable", `${what} is not valid JSON, so it cannot be exported faithfully.`);
  }
}

export function reviewLine(r: Review) {
  const evidence = parsedJson(r.evidence, `review ${r.id}: stored evidence`);
  return {
    type: "review",
    id: r.id,
    claimId: r.claimId,
    fromStatus: r.fromStatus,
    toStatus: r.toStatus,
    rationale: r.rationale,
    evidence,
    reviewerId: r.reviewerId,
    reviewerName: r.reviewerName,
    isDemo: r.isDemo,
    version: r.version,
    createdAt: iso(r.createdAt),
  };
}

/** Identity and role only: passwords, sessions and tokens live in other tables and are never exported. */
export function userLine(u: User) {
  return {
    type: "user",
    id: u.id,
    name: u.name,
    email: u.email,
    emailVerified: u.emailVerified,
    image: u.image,
    role: u.role,
    createdAt: iso(u.createdAt),
    updatedAt: iso(u.updatedAt),
  };
}

export function editLine(e: ClaimEdit) {
  return {
    type: "edit",
    id: e.id,
    claimId: e.claimId,
    kind: e.kind,
    version: e.version,
    changes: parsedJson(e.changes, `claim edit ${e.id}: stored changes`),
    actorId: e.actorId,
    actorName: e.actorName,
    createdAt: iso(e.createdAt),
  };
}

export function linkLine(l: ClaimLink) {
  return {
    type: "link",
    id: l.id,
    fromClaimId: l.fromClaimId,
    toClaimId: l.toClaimId,
    kind: l.kind,
    note: l.note,
    createdById: l.createdById,
    createdByName: l.createdByName,
    createdAt: iso(l.createdAt),
  };
}

export function mergeLine(m: PersonMerge) {
  return {
    type: "merge",
    id: m.id,
    survivorId: m.survivorId,
    mergedId: m.mergedId,
    mergedName: m.mergedName,
    mergedSlug: m.mergedSlug,
    claimIds: parsedJson(m.claimIds, `person merge ${m.id}: stored claimIds`),
    actorId: m.actorId,
    actorName: m.actorName,
    createdAt: iso(m.createdAt),
  };
}

export function rejectionLine(r: SuggestionRejection) {
  return {
    type: "rejection",
    id: r.id,
    sourceId: r.sourceId,
    key: r.key,
    kind: r.kind,
    exact: r.exact,
    actorId: r.actorId,
    actorName: r.actorName,
    createdAt: iso(r.createdAt),
  };
}
