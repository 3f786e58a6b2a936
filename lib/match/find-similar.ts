// Claims that may state the same fact as a text (or a sub-claim of it), best first, each
// with a reason a person can check and a flag when it may contradict the text.
//
// 1. Terms: the text's words as the core matches them (tokens.ts), counted in the
//    ClaimMatch index's vocabulary. A word no claim holds may be a typo: the index's
//    words one edit away (same first three letters) stand in for it.
// 2. Candidates: the rarest terms, OR-ed, as long as together they are in at most
//    CANDIDATE_BUDGET claims — the cost of the index query is the claims it ranks — and
//    the CANDIDATES best by bm25. When even the rarest term is in more claims than that
//    (a text of common words only), the rarest few terms must all occur (AND), as many
//    as still leave about CANDIDATES claims, and the newest WINDOW such claims are the
//    candidates: a bounded cost, at the price of missing an older claim that shares only
//    common words with the text.
// 3. Re-ranking (rerank.ts) with every term, the speaker, and contradiction signals.
import type { ReadDb } from "../db-read";
import { contradiction } from "./contradiction";
import { withinOneEdit } from "./edit-distance";
import { explainMatch } from "./explain";
import { withPgIndexTerms } from "./pg-match";
import { queryTerms, type QueryTerm } from "./query-terms";
import { rerank, type Scored, type Weights } from "./rerank";
import { semanticScores } from "./semantic/semantic-scores";
import { twoPartSplits } from "./split-word";
import { type CandidateRow, candidateRows, claimSummaries, indexedClaims, newestCandidateRows, type SummaryRow, termDocs, termsMatch, termsWithPrefix } from "./similar-sql";

export const CANDIDATES = 100;
export const CANDIDATE_BUDGET = 20_000;
export const WINDOW = 60;
/** At most this many terms must all occur in the AND of common terms. */
const MAX_ALL = 4;
/**
 * Too loose to show: a match scoring under MIN_SCORE of the best one, or sharing a single
 * term that is not most of the query (by idf) — even the best match can be weak. (A floor
 * on coverage alone would drop true matches of long, noisy texts such as tweets: 0.1
 * cost 0.011 MAP@5 on CLEF dev, 0.2 cost 0.3.)
 */
export const MIN_SCORE = 0.25;
const loose = (s: Scored) => s.score < MIN_SCORE || (s.shared.length < 2 && s.features.coverage < 0.5);
const MAX_TERMS = 32;

export type SimilarClaim = {
  claim: {
    id: string;
    text: string;
    status: string;
    asOf: string | null;
    source: { id: string; title: string | null; publisher: string | null; publishedAt: string | null };
    attribution: { kind: string; role: string | null; person: { id: string; name: string; slug: string } | null } | null;
  };
  score: number;
  /** "possible-contradiction" when the claim may say the opposite (the reason says why). */
  relation: "similar" | "possible-contradiction";
  reason: string;
};

export type SimilarQuery = { text: string; personId?: string | null; excludeClaimId?: string | null; limit: number; cacheKey: string };

type Counted = QueryTerm & { df: number };

/**
 * Unknown words looked up as typos (or, failing that, as two words run together), at
 * most this many per text, among at most NEAR_TERMS index words with the same first three
 * letters: the vocabulary counts each word it lists by reading the word's claims, so the
 * lookup is bounded. (Letting every unknown word be cut — tweets have many handles —
 * scored the same on CLEF train, 0.876.)
 */
const MAX_TYPOS = 2;
const NEAR_TERMS = 200;

async function countTerms(read: ReadDb, given: QueryTerm[], key: string): Promise<Counted[]> {
  const terms = read.engine === "postgres" ? await withPgIndexTerms(read, given) : given;
  const df = await termDocs(read, [...new Set(terms.flatMap((t) => t.indexTerms))], key);
  let typos = 0;
  const out: Counted[] = [];
  for (const t of terms) {
    const counts = t.indexTerms.map((x) => df.get(x) ?? 0);
    const count = counts.length ? Math.min(...counts) : 0;
    if (count > 0 || !/^\p{L}{5,}$/u.test(t.token) || typos++ >= MAX_TYPOS) {
      out.push({ ...t, df: count });
      continue;
    }
    // Unknown word: the most common index word one edit away, if any; else two index
    // words run together (a hashtag or a handle: #tentcity, @tedcruz).
    const near = (await termsWithPrefix(read, t.token.slice(0, 3), NEAR_TERMS)).filter((x) => withinOneEdit(x.term, t.token));
    const best = near.sort((a, b) => b.doc - a.doc)[0];
    if (best) out.push({ token: best.term, indexTerms: [best.term], phrase: `"${best.term}"`, word: best.term, df: best.doc });
    else out.push(...((await splitUnknown(read, t.word, key)) ?? [{ ...t, df: 0 }]));
  }
  return out;
}

/**
 * An unknown word as two words of the index run together ("maddoxstrong" → maddox,
 * strong), cut where the rarer of its two parts is the most common; null when no cut
 * gives two index words (or a stop word).
 */
async function splitUnknown(read: ReadDb, word: string, key: string): Promise<Counted[] | null> {
  let splits = twoPartSplits(word).flatMap(([a, b]) => {
    const [ta, tb] = [queryTerms(a), queryTerms(b)];
    return ta.length === 1 && tb.length === 1 ? [[ta[0]!, tb[0]!] as const] : [];
  });
  if (read.engine === "postgres" && splits.length) {
    const stemmed = await withPgIndexTerms(read, splits.flat());
    splits = splits.map((_, i) => [stemmed[2 * i]!, stemmed[2 * i + 1]!] as const);
  }
  if (splits.length === 0) return null;
  const df = await termDocs(read, splits.flatMap(([a, b]) => [...a.indexTerms, ...b.indexTerms]), key);
  const count = (t: QueryTerm) => Math.min(...t.indexTerms.map((x) => df.get(x) ?? 0));
  let best: { parts: Counted[]; rarer: number } | null = null;
  for (const [a, b] of splits) {
    const rarer = Math.min(count(a), count(b));
    if (rarer > 0 && (!best || rarer > best.rarer)) best = { parts: [{ ...a, df: count(a) }, { ...b, df: count(b) }], rarer };
  }
  return best?.parts ?? null;
}


/** The candidate rows for the counted terms (step 2), or none when no term is in any claim. */
async function candidates(read: ReadDb, terms: Counted[], docs: number): Promise<CandidateRow[]> {
  const usable = terms.filter((t) => t.df > 0).sort((a, b) => a.df - b.df);
  if (usable.length === 0) return [];
  if (usable[0]!.df <= CANDIDATE_BUDGET) {
    const chosen: Counted[] = [];
    let total = 0;
    for (const t of usable) {
      if (chosen.length && (total + t.df > CANDIDATE_BUDGET || chosen.length >= MAX_TERMS)) break;
      chosen.push(t);
      total += t.df;
    }
    return candidateRows(read, termsMatch(read, chosen, "or"), CANDIDATES + 1, { terms: chosen, docs });
  }
  // Common words only: as many of the rarest as still leave about CANDIDATES claims (if
  // words occurred independently), then fewer if that finds too few.
  let k = 1;
  let expected = usable[0]!.df;
  while (k < Math.min(MAX_ALL, usable.length) && (expected * usable[k]!.df) / Math.max(docs, 1) >= CANDIDATES) expected = (expected * usable[k++]!.df) / Math.max(docs, 1);
  for (;; k--) {
    const rows = await newestCandidateRows(read, termsMatch(read, usable.slice(0, k), "and"), WINDOW);
    if (rows.length >= CANDIDATES / 5 || k === 1) return rows;
  }
}

/** How close a match must be for a difference to read as a contradiction rather than another topic. */
const CLOSE = { coverage: 0.4, precision: 0.5 };

function item(row: SummaryRow, s: Scored, queryText: string, subject: "text" | "claim"): SimilarClaim {
  const close = s.features.coverage >= CLOSE.coverage || s.features.precision >= CLOSE.precision;
  const c = close ? contradiction(queryText, row.text) : null;
  return {
    claim: {
      id: row.id,
      text: row.text,
      status: row.status,
      asOf: row.asOf,
      source: { id: row.sourceId, title: row.title, publisher: row.publisher, publishedAt: row.publishedAt },
      attribution: row.kind
        ? { kind: row.kind, role: row.role, person: row.personId ? { id: row.personId, name: row.personName!, slug: row.personSlug! } : null }
        : null,
    },
    score: Math.round(s.score * 1000) / 1000,
    relation: c ? "possible-contradiction" : "similar",
    reason: explainMatch({ queryText, subject, matchText: row.text, matchQuotes: s.quotes, sameSpeaker: s.sameSpeaker ? row.personName : null, shared: s.shared, contradiction: c, meaning: s.semantic ?? null }),
  };
}

/** Every candidate re-ranked, best first (no score floor, no limit): what findSimilar shows the top of. */
export async function rankSimilar(read: ReadDb, q: Omit<SimilarQuery, "limit">, weights?: Weights): Promise<Scored[]> {
  const terms = await countTerms(read, queryTerms(q.text), q.cacheKey);
  const docs = await indexedClaims(read, q.cacheKey);
  const rows = (await candidates(read, terms, docs)).filter((r) => r.claimId !== q.excludeClaimId);
  if (rows.length === 0) return [];
  const df = new Map(terms.map((t) => [t.token, t.df]));
  const query = { tokens: terms.map((t) => t.token), personId: q.personId ?? null, df, docs };
  const top = rows.slice(0, Math.max(CANDIDATES, WINDOW));
  const meaning = await semanticScores(read, { text: q.text, claimId: q.excludeClaimId }, top);
  return rerank(query, top.map((r) => ({ ...r, semantic: meaning.get(r.claimId) ?? null })), weights);
}

export async function findSimilar(read: ReadDb, q: SimilarQuery): Promise<SimilarClaim[]> {
  const ranked = (await rankSimilar(read, q)).filter((s) => !loose(s)).slice(0, q.limit);
  const summaries = await claimSummaries(read, ranked.map((s) => s.claimId));
  return ranked.flatMap((s) => {
    const row = summaries.get(s.claimId);
    return row ? [item(row, s, q.text, q.excludeClaimId ? "claim" : "text")] : [];
  });
}
