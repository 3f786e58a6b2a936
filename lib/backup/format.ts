// The backup format: JSON Lines, UTF-8, one record per line (see README.md here).
//
//   {"type":"verbatim-backup","version":1,"migration":"20261121193500_invariants"}
//   {"type":"source",...}     every source, by id
//   {"type":"person",...}     every person with their aliases inline, by id
//   {"type":"claim",...}      every claim with its attribution and spans inline, by id
//   {"type":"review",...}     every review, by id
//
// Each record carries every column of its table, keys in the fixed order written below,
// timestamps as `toISOString()` strings, review evidence as parsed JSON. There is no
// timestamp in the header, so the same database always dumps to the same bytes.
import type { Attribution, Claim, Person, PersonAlias, Review, Source, Span } from "../generated/prisma/client";
import { AppError } from "../errors";

export const BACKUP_TYPE = "verbatim-backup";
/** The format version this build writes and reads. Bump it when a record's shape changes. */
export const BACKUP_VERSION = 1;
/** Record types in dump order (after the header). Later types (user, link) slot in here. */
export const DUMP_ORDER = ["source", "person", "claim", "review"] as const;

/** One line of the dump: a record as JSON, no newline. Key order is the object's. */
export function serializeRecord(record: object): string {
  return JSON.stringify(record);
}

export function headerLine(migration: string) {
  return { type: BACKUP_TYPE, version: BACKUP_VERSION, migration };
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
    text: s.text,
  };
}

export function personLine(p: Person & { aliases: PersonAlias[] }) {
  return {
    type: "person",
    id: p.id,
    name: p.name,
    slug: p.slug,
    description: p.description,
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

export function reviewLine(r: Review) {
  let evidence: unknown;
  try {
    evidence = JSON.parse(r.evidence);
  } catch {
    throw new AppError("unprocessable", `review ${r.id}: stored evidence is not valid JSON, so it cannot be exported faithfully.`);
  }
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
    createdAt: iso(r.createdAt),
  };
}
