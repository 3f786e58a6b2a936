import Database from "better-sqlite3";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLAIM_STATUSES } from "@/lib/claims/schemas";
import { readDbFor } from "@/lib/db-read";
import { matchExpression, mayMatchKeys, searchWords } from "@/lib/search/query";
import { matchWindow, NO_CEILING } from "@/lib/search/window";
import { freshDatabase, type TestDatabase } from "../support/database";

// A search leaves out the column filter when no word can match a `keys` token
// (mayMatchKeys). That is safe only if mayMatchKeys never says no when FTS5's tokenizer
// would match: checked here against the tokenizer itself, on words built to come close.

const hex = (s: string) => Buffer.from(s, "utf8").toString("hex");
const idChars = "abcdefghijklmnopqrstuvwxyz0123456789";
const keyToken = fc.oneof(
  fc.tuple(fc.constantFrom("c", "o", "p"), fc.string({ unit: fc.constantFrom(...idChars), minLength: 1, maxLength: 16 })).map(([k, id]) => k + hex(id)),
  fc.constantFrom(...CLAIM_STATUSES).map((s) => `s${s}`),
);
// Look-alikes of ASCII letters and digits: case, diacritics, letters without a
// decomposition, full-width forms, a lone combining mark, other scripts' digits.
const variants: Record<string, string[]> = {
  c: ["C", "ç", "Ç", "ć", "ĉ", "ｃ"], o: ["O", "ó", "ö", "ø", "ő", "ｏ"], p: ["P", "ṕ", "ｐ"], s: ["S", "ś", "š", "ſ", "ｓ"],
  a: ["A", "á", "å", "æ", "ª"], e: ["E", "é", "ë", "ɛ"], d: ["D", "ď", "đ", "ð"], f: ["F", "ƒ"], b: ["B", "ƀ"],
  t: ["T", "ť", "ŧ"], u: ["U", "ü", "ů"], r: ["R", "ř"], i: ["I", "í", "ı"], l: ["L", "ł"], n: ["N", "ñ"], v: ["V"],
  "0": ["٠", "０"], "1": ["١", "¹"], "2": ["²"], "3": ["３"], "6": ["۶"], "7": ["７"],
};
/** A keys token and a word made from it: maybe cut short, some characters swapped for look-alikes, maybe a combining mark. */
const tokenAndNearWord = keyToken.chain((token) =>
  fc.tuple(fc.constant(token), fc.nat(), fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 4 }), fc.boolean(), fc.constantFrom("", "\u0301", "\u0308")),
).map(([token, cut, swaps, truncate, mark]) => {
    const chars = Array.from(truncate ? token.slice(0, 1 + (cut % token.length)) : token);
    for (const [at, pick] of swaps) {
      const i = at % chars.length;
      const options = variants[chars[i]!];
      if (options) chars[i] = options[pick % options.length]!;
    }
    if (mark) chars.splice(1 + (cut % chars.length), 0, mark);
    return [token, chars.join("")] as const;
  });

describe("mayMatchKeys", () => {
  let db: Database.Database;
  beforeAll(() => {
    db = new Database(":memory:");
    db.exec(`CREATE VIRTUAL TABLE t USING fts5(keys, body, tokenize = 'unicode61 remove_diacritics 2')`);
  });
  afterAll(() => db.close());

  const ftsMatches = (token: string, word: string, prefix: boolean): boolean => {
    db.exec("DELETE FROM t");
    db.prepare("INSERT INTO t (keys, body) VALUES (?, '')").run(token);
    const phrase = `"${word.replace(/"/g, '""')}"${prefix ? "*" : ""}`;
    return (db.prepare("SELECT count(*) AS n FROM t WHERE t MATCH ?").get(`keys : ${phrase}`) as { n: number }).n > 0;
  };

  it("is true whenever the index's tokenizer matches the word against a keys token, exactly or as a prefix", () => {
    let matched = 0;
    fc.assert(
      fc.property(tokenAndNearWord, fc.boolean(), ([token, typed], prefix) => {
        for (const word of searchWords(typed)) {
          if (ftsMatches(token, word, prefix)) {
            matched++;
            expect(mayMatchKeys(word, prefix), `${JSON.stringify(word)} ~ ${token}${prefix ? " (prefix)" : ""}`).toBe(true);
          }
        }
      }),
      { numRuns: 3000 },
    );
    expect(matched).toBeGreaterThan(300); // the generator does come close
  });

  it("is false for ordinary words, and true for look-alikes", () => {
    for (const w of ["pipeline", "oil", "kraków", "zürich", "tokayev", "detials", "corri", "statement"]) expect(mayMatchKeys(w, true), w).toBe(false);
    for (const w of ["cafe", "c0ffee", "ssupported", "ç6d", "øab12", "łódź", "p"]) expect(mayMatchKeys(w, false), w).toBe(true);
    expect(mayMatchKeys("ssup", true)).toBe(true);
    expect(mayMatchKeys("ssup", false)).toBe(false);
  });
});

describe("searching every column instead of the four", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase();
  });
  afterAll(() => t.cleanup());

  it("finds the same claims with the same scores and facets, on the seeded articles", async () => {
    const read = readDbFor(t.url);
    for (const q of ["Tokayev", "oil", "CPC pipeline", "detials", "Peskov said", "Kazakhstan exports", "percent", "the"]) {
      const words = searchWords(q);
      const filtered = await matchWindow(read, matchExpression(words, { prefixLast: false })!, NO_CEILING, 50, 0);
      const all = await matchWindow(read, matchExpression(words, { prefixLast: false, allColumns: true })!, NO_CEILING, 50, 0);
      expect(all, q).toEqual(filtered);
      expect(filtered.ranked, q).toBeGreaterThan(0);
    }
  });
});
