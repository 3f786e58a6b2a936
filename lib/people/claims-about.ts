import { claimSummaryDto, claimSummarySelect, type ClaimSummary } from "../claims/claim-dto";
import { type DbTx, dbEngine, rawSql } from "../db";
import { foldName } from "../ids";
import { tsPhrase } from "../search/pg-query";
import { phrase, searchWords } from "../search/query";

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** True when `text` names `alias` as a whole phrase (case, accents and apostrophe style ignored). Pure. */
export function namesAlias(text: string, alias: string): boolean {
  const folded = foldName(alias);
  if (folded.length < 3) return false;
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(folded)}(?![\\p{L}\\p{N}])`, "u").test(foldName(text));
}

/**
 * The full-text index's query for claim texts holding any of `aliases` as a phrase. Pure.
 * The index folds case and accents as namesAlias does, and cuts words at the same
 * characters, so every claim namesAlias accepts is among its matches.
 */
export function aliasesMatch(aliases: string[]): string | null {
  const phrases = aliases.map((a) => searchWords(a)).filter((w) => w.length > 0).map((w) => phrase(w));
  return phrases.length ? `{text} : (${[...new Set(phrases)].join(" OR ")})` : null;
}

/** The same for PostgreSQL's index (lib/search/pg-search.ts): a tsquery on the claim text (weight A). Pure. */
export function aliasesTsQuery(aliases: string[]): string | null {
  const phrases = aliases.map((a) => searchWords(a)).filter((w) => w.length > 0).map((w) => tsPhrase(w, false, "A"));
  return phrases.length ? [...new Set(phrases)].join(" | ") : null;
}

/**
 * Matches read from the index, most recently indexed first. A claim's index row is
 * written when the claim is and again when it changes, so these hold the newest claims
 * naming the person unless more than this many older ones changed since. Reading a
 * match's claim id costs about 15 µs: a name in 55,000 of a million claims took 0.8 s
 * read whole, and about 0.1 s with a window of 5,000.
 */
export const ABOUT_WINDOW = 2_000;

// Claims naming the person, through the search index (lib/search). A LIKE on every alias
// read every claim's text for a name no claim holds (1.8 s at a million claims), and it
// missed spellings that differ by accent, non-ASCII case or apostrophe ("Zürich" for
// "Zurich", "D’Anieri" for "D'Anieri").
const aboutSql = (matches: string) => `SELECT c."id" FROM "Claim" c
  LEFT JOIN "Attribution" a ON a."claimId" = c."id"
  WHERE c."id" IN (${matches})
    AND (a."personId" IS NULL OR a."personId" <> ?)
  ORDER BY c."createdAt" DESC, c."id" DESC LIMIT ?`;
const ABOUT_SQL = aboutSql(`SELECT "claimId" FROM "ClaimSearch" WHERE "ClaimSearch" MATCH ? ORDER BY rowid DESC LIMIT ${ABOUT_WINDOW}`);
const ABOUT_PG = aboutSql(`SELECT "claimId" FROM "ClaimSearch" WHERE "doc" @@ to_tsquery('verbatim_search', ?) ORDER BY "seq" DESC LIMIT ${ABOUT_WINDOW}`);

/**
 * Claims whose wording names the person by one of their spellings and that are not
 * attributed to them: what others say about them. Newest first, at most `take`.
 * Candidates come from the search index (phrases of the aliases in claim texts); the
 * whole-phrase check above keeps exactly the claims that name them.
 */
export async function claimsAbout(db: DbTx, person: { id: string; aliases: string[] }, take = 100): Promise<ClaimSummary[]> {
  const aliases = person.aliases.filter((a) => foldName(a).length >= 3);
  const pg = dbEngine(db) === "postgres";
  const match = pg ? aliasesTsQuery(aliases) : aliasesMatch(aliases);
  if (match === null) return [];
  const ids = (await db.$queryRawUnsafe<{ id: string }[]>(rawSql(db, pg ? ABOUT_PG : ABOUT_SQL), match, person.id, take * 2)).map((r) => r.id);
  if (ids.length === 0) return [];
  const rows = await db.claim.findMany({
    where: { id: { in: ids } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: claimSummarySelect,
  });
  return rows
    .filter((r) => aliases.some((a) => namesAlias(r.text, a)))
    .slice(0, take)
    .map(claimSummaryDto);
}
