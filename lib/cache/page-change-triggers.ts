// The triggers that record, in PageChange, what each write touches (migration
// page_changes; see scripts/reader-cache.mjs). `verbatim verify` checks they all exist:
// without one, the reader cache could serve a page a write has changed.

const ALL_OPS = ["insert", "update", "delete"] as const;
/** Table → the operations that have a trigger (append-only tables: inserts only). */
export const PAGE_CHANGE_TABLES: Record<string, readonly ("insert" | "update" | "delete")[]> = {
  Claim: ALL_OPS,
  Span: ALL_OPS,
  Attribution: ALL_OPS,
  Review: ["insert"],
  ClaimEdit: ["insert"],
  ClaimLink: ALL_OPS,
  SourceChange: ALL_OPS,
  Source: ALL_OPS,
  SourceEdit: ["insert"],
  SourceArchive: ALL_OPS,
  Person: ALL_OPS,
  PersonAlias: ALL_OPS,
  PersonMerge: ["insert"],
  User: ["update"],
};

export const PAGE_CHANGE_TRIGGERS: string[] = Object.entries(PAGE_CHANGE_TABLES).flatMap(([table, ops]) =>
  ops.map((op) => `PageChange_${table}_${op}`),
);

/** PostgreSQL's feed of page changes with their transaction ids (lib/cache/change-feed-pg.mjs); not in schema.prisma. */
export const PAGE_FEED_TABLE = "PageFeed";
