// The PostgreSQL form of a search: a tsquery text for to_tsquery('verbatim_search', …).
// Pure, no database. Built from the same term groups as the FTS5 expression (query.ts),
// so both engines require the same words, phrases, synonyms and last-word prefix. Words
// hold only letters, digits and combining marks (searchWords), so quoting each one as a
// lexeme is safe; PostgreSQL folds it with the index's configuration (lower case,
// unaccent), exactly as the indexed text was folded.
import { type MatchOptions, termGroups } from "./query";

const lexeme = (w: string) => `'${w.replace(/'/g, "''").replace(/\\/g, "\\\\")}'`;

/**
 * A run of words as a tsquery phrase ("a <-> b"), the last word a prefix if asked;
 * `weights` restricts each word to columns by their weight letters (A = the claim text).
 */
export function tsPhrase(words: readonly string[], prefix = false, weights = ""): string {
  const parts = words.map((w, i) => {
    const flags = `${prefix && i === words.length - 1 ? "*" : ""}${weights}`;
    return `${lexeme(w)}${flags ? `:${flags}` : ""}`;
  });
  return parts.length === 1 ? parts[0]! : `(${parts.join(" <-> ")})`;
}

/** The tsquery text for a query's words, or null when there are none. Filters are columns on PostgreSQL, not query terms. */
export function tsQueryText(words: readonly string[], options: Pick<MatchOptions, "synonyms" | "prefixLast"> = {}): string | null {
  if (words.length === 0) return null;
  return termGroups(words, options)
    .map((g) => {
      const phrases = [tsPhrase(g.own, g.prefix), ...g.alternatives.map((a) => tsPhrase(a))];
      return phrases.length === 1 ? phrases[0]! : `(${phrases.join(" | ")})`;
    })
    .join(" & ");
}
