// The search index (prisma/migrations/*_search) is an FTS5 virtual table, and FTS5 keeps
// its data in ordinary "shadow" tables beside it. Prisma models neither, so a schema diff
// would drop them all (prisma/prisma#8106); naming them as externally managed tables makes
// the diff (lib/migrate, prisma.config.ts) leave them alone.
export const SEARCH_TABLE = "ClaimSearch";
/** The similar-claim index (prisma/migrations/*_claim_matching), stemmed, and its term statistics. */
export const MATCH_TABLE = "ClaimMatch";
export const MATCH_VOCAB_TABLE = "ClaimMatchVocab";
/** Both full-text indexes: each is rebuilt and deferred the same way (rebuild-index.ts). */
export const FTS_TABLES = [SEARCH_TABLE, MATCH_TABLE] as const;

const FTS5_SHADOW_SUFFIXES = ["_config", "_content", "_data", "_docsize", "_idx"];

/**
 * PostgreSQL's full-text tables (prisma/postgres/migrations): ordinary tables kept by
 * triggers, each with the function that re-indexes a list of claims.
 */
export const PG_INDEXED_TABLES = [
  { table: SEARCH_TABLE, refresh: "verbatim_search_refresh" },
  { table: MATCH_TABLE, refresh: "verbatim_match_refresh" },
] as const;

export const EXTERNAL_TABLES = [...FTS_TABLES.flatMap((t) => [t, ...FTS5_SHADOW_SUFFIXES.map((s) => t + s)]), MATCH_VOCAB_TABLE];
