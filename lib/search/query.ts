// Turns what someone typed into an FTS5 MATCH expression. Pure, no database.
//
// Nothing the user types is FTS5 syntax: input is cut into words (letters, digits and
// combining marks only, so quotes, `*`, `:`, `^`, parentheses and emoji are gone) and each word becomes a
// quoted phrase, so words such as NEAR, OR and NOT are searched for, never obeyed.
// The index's tokenizer (unicode61 remove_diacritics 2) tokenizes the quoted words again
// on the way in, so case and diacritics fold exactly as they did when indexing.
import { CLAIM_STATUSES } from "../claims/schemas";
import { foldName } from "../ids";

/** Words beyond this many are ignored: each one is another doclist to intersect. */
export const MAX_WORDS = 12;
/** Longer words are cut: nothing that long is a real word, and it bounds the expression. */
export const MAX_WORD_LENGTH = 64;
/** The last word also matches as a prefix ("toka" finds Tokayev) from this length on; shorter prefixes match too many terms. */
export const MIN_PREFIX_LENGTH = 3;

/** The columns a query searches; `keys` (lookup and filter tokens) is never searched by user words. */
export const SEARCH_COLUMNS = ["text", "quotes", "people", "source"] as const;

/**
 * The words of a query, lower-cased, in order; at most MAX_WORDS. Anything but letters,
 * digits and combining marks separates words.
 *
 * Diacritics are deliberately left to the tokenizer: it folds the query's words exactly
 * as it folded the indexed text. Folding here too (NFKD, as foldName does) would break
 * words it keeps whole: it turns Cyrillic "й" into "и", which unicode61 does not.
 */
export function searchWords(input: string): string[] {
  return input
    .normalize("NFC")
    .toLowerCase()
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter((w) => /[\p{L}\p{N}]/u.test(w))
    .slice(0, MAX_WORDS)
    .map((w) => Array.from(w).slice(0, MAX_WORD_LENGTH).join(""));
}

/** How a run of words is looked up among synonyms: folded like PersonAlias.folded. */
export const synonymKey = (words: readonly string[]) => foldName(words.join(" "));

/** A quoted FTS5 phrase. Words hold no quote characters, but doubling them keeps the function safe on its own. */
export function phrase(words: readonly string[], prefix = false): string {
  return `"${words.join(" ").replace(/"/g, '""')}"${prefix ? "*" : ""}`;
}

/** Filter tokens, as the index's `keys` column holds them (see the search migration). */
export type SearchFilterKeys = { status?: string; personId?: string; sourceId?: string };

const hex = (id: string) => Buffer.from(id, "utf8").toString("hex");

/** The `keys` tokens that restrict a search to a status, person and source. */
export function filterTokens(f: SearchFilterKeys): string[] {
  const out: string[] = [];
  if (f.status) out.push(`s${f.status}`);
  if (f.personId) out.push(`p${hex(f.personId)}`);
  if (f.sourceId) out.push(`o${hex(f.sourceId)}`);
  return out;
}

export type MatchOptions = {
  /**
   * Other ways to write a run of words: "tokayev" → [["toqaev"], ["kassym", "jomart", "tokayev"]].
   * Keys are synonymKey(run); runs of up to 4 words are looked up, longest first.
   */
  synonyms?: ReadonlyMap<string, readonly (readonly string[])[]>;
  filters?: SearchFilterKeys;
  /** Whether the last word also matches as a prefix (default true). */
  prefixLast?: boolean;
  /**
   * Search every indexed column instead of SEARCH_COLUMNS: allowed only when no word can
   * match a `keys` token (wordsMayMatchKeys), and then it finds the same rows with the
   * same bm25 scores (`keys` weighs 0). Worth it: bm25 first counts each word's
   * matching rows, and with a column filter it reads every position list to check the
   * column (about a third of a search's time at a million claims).
   */
  allColumns?: boolean;
};

const MAX_RUN = 4;

/** Whether a last word is long enough to match as a prefix. */
export const canPrefix = (words: readonly string[]) => (words[words.length - 1]?.length ?? 0) >= MIN_PREFIX_LENGTH;

/** Whether `inner` occurs in `outer` as a run of whole words. */
function containsRun(outer: readonly string[], inner: readonly string[]): boolean {
  for (let i = 0; i + inner.length <= outer.length; i++) {
    if (inner.every((w, j) => outer[i + j] === w)) return true;
  }
  return false;
}

/**
 * Alternatives worth adding as phrases: a phrase that contains another one of the group
 * ("kassym jomart tokayev" beside "tokayev") matches nothing more and costs a doclist scan.
 */
function alternativeRuns(own: readonly string[], alternatives: readonly (readonly string[])[]): (readonly string[])[] {
  const kept: (readonly string[])[] = [own];
  const byLength = [...alternatives].filter((a) => a.length > 0).sort((a, b) => a.length - b.length);
  for (const alt of byLength) if (!kept.some((k) => containsRun(alt, k))) kept.push(alt);
  return kept.slice(1);
}

/** One required term of a query: a run of words (the last one maybe a prefix), or one of its synonyms. */
export type TermGroup = { own: readonly string[]; prefix: boolean; alternatives: (readonly string[])[] };

/**
 * The query's words as required terms, each a run of words that is some person's alias
 * (longest first, up to 4 words) or a single word; the last may match as a prefix. Both
 * engines' query languages are written from these (FTS5 here, tsquery in pg-query.ts).
 */
export function termGroups(words: readonly string[], options: Pick<MatchOptions, "synonyms" | "prefixLast"> = {}): TermGroup[] {
  const synonyms = options.synonyms ?? new Map<string, readonly (readonly string[])[]>();
  const groups: TermGroup[] = [];
  for (let i = 0; i < words.length; ) {
    let run = 1;
    let alternatives: readonly (readonly string[])[] | undefined;
    for (let n = Math.min(MAX_RUN, words.length - i); n >= 1; n--) {
      alternatives = synonyms.get(synonymKey(words.slice(i, i + n)));
      if (alternatives) {
        run = n;
        break;
      }
    }
    const own = words.slice(i, i + run);
    const isLast = i + run === words.length;
    groups.push({ own, prefix: isLast && options.prefixLast !== false && canPrefix(own), alternatives: alternativeRuns(own, alternatives ?? []) });
    i += run;
  }
  return groups;
}

/**
 * The MATCH expression for a query's words: every word (or its synonyms) must appear in
 * the claim text, quotes, speaker names or source title; the last word may be a prefix.
 * Null when there are no words (e.g. only punctuation or emoji): nothing can match.
 */
export function matchExpression(words: readonly string[], options: MatchOptions = {}): string | null {
  if (words.length === 0) return null;
  const terms = termGroups(words, options).map((g) => {
    const phrases = [phrase(g.own, g.prefix), ...g.alternatives.map((a) => phrase(a))];
    return phrases.length === 1 ? phrases[0]! : `(${phrases.join(" OR ")})`;
  });
  const parts = [options.allColumns ? `(${terms.join(" AND ")})` : `{${SEARCH_COLUMNS.join(" ")}} : (${terms.join(" AND ")})`];
  for (const token of filterTokens(options.filters ?? {})) parts.push(`keys : ${phrase([token])}`);
  return parts.join(" AND ");
}

const STATUS_KEYS = CLAIM_STATUSES.map((status) => `s${status}`);

/**
 * Whether the index's tokenizer might turn `word` into a `keys` token (c/o/p + hex of an
 * id, or s + a status), or with `prefix` into the start of one. Never false when it
 * could: ASCII letters and digits are known to fold to themselves (lower-cased), and a
 * letter whose decomposition is one ASCII letter plus marks ("ó", "ř") to that letter;
 * any other character might fold to anything, so a word holding one is answered true.
 * A property test checks this against FTS5's own tokenizer.
 */
export function mayMatchKeys(word: string, prefix: boolean): boolean {
  let folded = "";
  for (const ch of word.toLowerCase()) {
    if (/^[a-z0-9]$/.test(ch)) folded += ch;
    else {
      const base = ch.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
      if (!/^[a-z0-9]$/.test(base)) return true;
      folded += base;
    }
  }
  if (/^[cop][0-9a-f]*$/.test(folded)) return true;
  return prefix ? STATUS_KEYS.some((k) => k.startsWith(folded)) : STATUS_KEYS.includes(folded);
}

/**
 * Whether any of the query's words, or a word of their synonyms, might match a `keys`
 * token (the last word also as a prefix when `prefixLast`). When none can, the column
 * filter can be left out (MatchOptions.allColumns).
 */
export function wordsMayMatchKeys(words: readonly string[], synonyms: ReadonlyMap<string, readonly (readonly string[])[]>, prefixLast: boolean): boolean {
  const last = words.length - 1;
  if (words.some((w, i) => mayMatchKeys(w, prefixLast && i === last && canPrefix(words)))) return true;
  for (const alternatives of synonyms.values()) for (const alt of alternatives) if (alt.some((w) => mayMatchKeys(w, false))) return true;
  return false;
}
