// The search index (prisma/migrations/*_search) is an FTS5 virtual table, and FTS5 keeps
// its data in ordinary "shadow" tables beside it. Prisma models neither, so a schema diff
// would drop them all (prisma/prisma#8106); naming them as externally managed tables makes
// the diff (lib/migrate, prisma.config.ts) leave them alone.
export const SEARCH_TABLE = "ClaimSearch";

const FTS5_SHADOW_SUFFIXES = ["_config", "_content", "_data", "_docsize", "_idx"];

export const EXTERNAL_TABLES = [SEARCH_TABLE, ...FTS5_SHADOW_SUFFIXES.map((s) => SEARCH_TABLE + s)];
