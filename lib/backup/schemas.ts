// Zod schemas of the backup format (lib/backup/format.ts, README.md): one strict schema
// per record type. They check each record on its own — types, allowed values, that every
// column is present — and import-dump.ts checks what spans several records (references,
// uniqueness, hashes, the verbatim invariant).
import { z } from "zod";
import { ROLES } from "../auth/roles";
import { ATTRIBUTION_KINDS, CLAIM_STATUSES } from "../claims/schemas";
import { partialDate } from "../dates";
import { ID_PATTERN } from "../ids";

const id = z.string().regex(ID_PATTERN, "must be an id (lowercase letters, digits and hyphens)");

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * A timestamp exactly as `Date.prototype.toISOString()` writes it (UTC, milliseconds),
 * so that parsing and writing it again gives back the same string.
 */
export const isoTimestamp = z
  .string()
  .refine(
    (s) => ISO_TIMESTAMP.test(s) && !Number.isNaN(Date.parse(s)) && new Date(s).toISOString() === s,
    "must be a UTC timestamp written like 2024-12-03T09:30:00.000Z",
  );

const status = z.enum(CLAIM_STATUSES);

export const headerRecord = z.strictObject({
  type: z.literal("verbatim-backup"),
  version: z.number().int().min(1),
  migration: z.string().min(1),
});
export type HeaderRecord = z.infer<typeof headerRecord>;

export const sourceRecord = z.strictObject({
  type: z.literal("source"),
  id,
  title: z.string().nullable(),
  publisher: z.string().nullable(),
  author: z.string().nullable(),
  url: z.string().nullable(),
  publishedAt: partialDate.nullable(),
  retrievedAt: isoTimestamp.nullable(),
  language: z.string().nullable(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, "must be 64 lowercase hex digits"),
  length: z.number().int().min(1),
  createdAt: isoTimestamp,
  /** Version 6 on: the metadata version, where each field came from, republication and the previous revision. */
  version: z.number().int().min(1),
  metadataOrigin: z.record(z.string(), z.string()),
  republishedFrom: z
    .strictObject({ publisher: z.string().nullable(), title: z.string().nullable(), url: z.string().nullable(), date: partialDate.nullable() })
    .nullable(),
  revisionOf: id.nullable(),
  // SQLite's length() stops at a NUL, so the database cannot hold one (createSource refuses it too).
  text: z
    .string()
    .min(1)
    .refine((t) => !t.includes("\u0000"), "must not contain NUL characters"),
});
export type SourceRecord = z.infer<typeof sourceRecord>;

/** A source before version 6: no metadata version, origins, republication or revision link (read as 1, {}, null, null). */
export const sourceRecordV5 = sourceRecord.omit({ version: true, metadataOrigin: true, republishedFrom: true, revisionOf: true });

const change = z.record(z.string(), z.json());

export const sourceEditRecord = z.strictObject({
  type: z.literal("sourceEdit"),
  id,
  sourceId: id,
  kind: z.enum(["edit", "revision"]),
  version: z.number().int().min(1),
  changes: change,
  actorId: z.string().min(1).nullable(),
  actorName: z.string(),
  createdAt: isoTimestamp,
});
export type SourceEditRecord = z.infer<typeof sourceEditRecord>;

/** A fetched source's archived HTTP exchange; `warc` is the gzipped WARC file in base64. Its `id` is the source's. */
export const archiveRecord = z.strictObject({
  type: z.literal("archive"),
  id,
  requestedUrl: z.string().min(1),
  finalUrl: z.string().min(1),
  redirects: z.array(z.strictObject({ url: z.string(), status: z.number().int(), location: z.string() })),
  status: z.number().int(),
  contentType: z.string().nullable(),
  etag: z.string().nullable(),
  lastModified: z.string().nullable(),
  fetchedAt: isoTimestamp,
  warc: z.base64(),
});
export type ArchiveRecord = z.infer<typeof archiveRecord>;

export const sourceChangeRecord = z.strictObject({
  type: z.literal("sourceChange"),
  id,
  claimId: id,
  fromSourceId: id,
  toSourceId: id,
  spans: z.array(z.json()),
  state: z.enum(["open", "confirmed", "reanchored", "stale", "superseded"]),
  resolvedById: z.string().min(1).nullable(),
  resolvedByName: z.string().nullable(),
  resolvedAt: isoTimestamp.nullable(),
  createdAt: isoTimestamp,
});
export type SourceChangeRecord = z.infer<typeof sourceChangeRecord>;

export const aliasRecord = z.strictObject({
  id,
  alias: z.string().min(1),
  folded: z.string(),
});
export type AliasRecord = z.infer<typeof aliasRecord>;

export const personRecord = z.strictObject({
  type: z.literal("person"),
  id,
  name: z.string().min(1),
  slug: z.string().min(1),
  description: z.string().nullable(),
  /** Since format 4; absent (none) before. */
  sameAs: z.array(z.url({ protocol: /^https?$/ })).max(20).optional(),
  createdAt: isoTimestamp,
  aliases: z.array(aliasRecord),
});
export type PersonRecord = z.infer<typeof personRecord>;

export const attributionRecord = z
  .strictObject({
    id,
    kind: z.enum(ATTRIBUTION_KINDS),
    personId: id.nullable(),
    role: z.string().nullable(),
  })
  .refine((a) => (a.kind === "publication") === (a.personId === null), {
    message: "direct and indirect attributions name a person; publication attributions do not",
    path: ["personId"],
  });
export type AttributionRecord = z.infer<typeof attributionRecord>;

export const spanRecord = z.strictObject({
  id,
  sourceId: id,
  start: z.number().int().min(0),
  end: z.number().int().min(1),
  exact: z.string().min(1),
  prefix: z.string(),
  suffix: z.string(),
});
export type SpanRecord = z.infer<typeof spanRecord>;

export const claimRecord = z.strictObject({
  type: z.literal("claim"),
  id,
  sourceId: id,
  text: z.string(),
  status,
  version: z.number().int().min(1),
  asOf: partialDate.nullable(),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
  attribution: attributionRecord.nullable(),
  spans: z.array(spanRecord),
});
export type ClaimRecord = z.infer<typeof claimRecord>;

export const reviewRecord = z.strictObject({
  type: z.literal("review"),
  id,
  claimId: id,
  fromStatus: status,
  toStatus: status,
  rationale: z.string().nullable(),
  evidence: z.array(z.json()),
  reviewerId: z.string().min(1).nullable(),
  reviewerName: z.string(),
  isDemo: z.boolean(),
  /** The claim's version after the review; null for reviews recorded before versions were kept. */
  version: z.number().int().min(1).nullable(),
  createdAt: isoTimestamp,
});
export type ReviewRecord = z.infer<typeof reviewRecord>;

/** A review in a version 1 backup: no `version` key (it is imported as null). */
export const reviewRecordV1 = reviewRecord.omit({ version: true });

/** A user id (better-auth's, a UUID here) or a reference to one; not a foreign key anywhere. */
const userRef = z.string().min(1);

/** Identity and role only: a record with any other key (a password, a token) is refused. */
export const userRecord = z.strictObject({
  type: z.literal("user"),
  id: userRef,
  name: z.string(),
  email: z.email({ message: "must be an email address" }),
  emailVerified: z.boolean(),
  image: z.string().nullable(),
  role: z.enum(ROLES),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
});
export type UserRecord = z.infer<typeof userRecord>;

export const CLAIM_EDIT_KINDS = ["edit", "person-merge", "source-revision"] as const;

export const editRecord = z.strictObject({
  type: z.literal("edit"),
  id,
  claimId: id,
  kind: z.enum(CLAIM_EDIT_KINDS),
  version: z.number().int().min(1),
  /** field name -> { from, to } */
  changes: z.record(z.string(), z.json()),
  actorId: userRef.nullable(),
  actorName: z.string(),
  createdAt: isoTimestamp,
});
export type EditRecord = z.infer<typeof editRecord>;

export const CLAIM_LINK_KINDS = ["corroborates", "contradicts", "same-claim"] as const;

export const linkRecord = z
  .strictObject({
    type: z.literal("link"),
    id,
    fromClaimId: id,
    toClaimId: id,
    kind: z.enum(CLAIM_LINK_KINDS),
    note: z.string().nullable(),
    createdById: userRef.nullable(),
    createdByName: z.string(),
    createdAt: isoTimestamp,
  })
  .refine((l) => l.fromClaimId !== l.toClaimId, { message: "a link joins two different claims", path: ["toClaimId"] });
export type LinkRecord = z.infer<typeof linkRecord>;

export const mergeRecord = z.strictObject({
  type: z.literal("merge"),
  id,
  survivorId: id,
  mergedId: id,
  mergedName: z.string(),
  mergedSlug: z.string().min(1),
  /** The claims that moved (history: they need not all still exist). */
  claimIds: z.array(id),
  actorId: userRef.nullable(),
  actorName: z.string(),
  createdAt: isoTimestamp,
});
export type MergeRecord = z.infer<typeof mergeRecord>;

export const rejectionRecord = z.strictObject({
  type: z.literal("rejection"),
  id,
  sourceId: id,
  key: z.string().regex(/^\d+-\d+(?:,\d+-\d+)*$/, "must be a suggestion key such as \"120-180,200-230\""),
  kind: z.enum(["direct", "indirect", "publication"]),
  exact: z.string(),
  actorId: userRef.nullable(),
  actorName: z.string(),
  createdAt: isoTimestamp,
});
export type RejectionRecord = z.infer<typeof rejectionRecord>;

/** Schema of each record type after the header, by its `type`. */
export const RECORD_SCHEMAS = {
  source: sourceRecord,
  sourceEdit: sourceEditRecord,
  archive: archiveRecord,
  person: personRecord,
  merge: mergeRecord,
  user: userRecord,
  claim: claimRecord,
  review: reviewRecord,
  edit: editRecord,
  link: linkRecord,
  rejection: rejectionRecord,
  sourceChange: sourceChangeRecord,
} as const;
export type RecordType = keyof typeof RECORD_SCHEMAS;

export type BackupRecord =
  | SourceRecord
  | PersonRecord
  | MergeRecord
  | UserRecord
  | ClaimRecord
  | ReviewRecord
  | EditRecord
  | LinkRecord
  | RejectionRecord
  | SourceEditRecord
  | ArchiveRecord
  | SourceChangeRecord;
