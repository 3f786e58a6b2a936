import Database from "better-sqlite3";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { filterTokens, matchExpression, MAX_WORDS, searchWords } from "./query";

// A miniature of the real index (same columns that queries name, same tokenizer), so the
// expressions are checked by FTS5's own parser, not only by string comparison.
const db = new Database(":memory:");
db.exec(`CREATE VIRTUAL TABLE t USING fts5(keys, text, quotes, people, source, tokenize = 'unicode61 remove_diacritics 2')`);
const insert = db.prepare("INSERT INTO t (keys, text, quotes, people, source) VALUES (?, ?, ?, ?, ?)");
insert.run("ssupported", "Toqaev said oil and gas ties matter", "“eternal friendship”", "Kassym-Jomart Tokayev · Toqaev", "RFE/RL");
insert.run("sstale", "Karel Čapek wrote about robots (NEAR the end)", "R.U.R.", "Karel Čapek", "Prague Daily");
insert.run("sdisputed", "Peskov said \"no\" * OR maybe", "", "Дмитрий Песков · Dmitry Peskov", "TASS");
afterAll(() => db.close());

const run = (expr: string | null) =>
  expr === null ? [] : db.prepare<[string], { rowid: number }>("SELECT rowid FROM t WHERE t MATCH ? ORDER BY rowid").all(expr).map((r) => r.rowid);

describe("searchWords", () => {
  it("lower-cases and drops everything but letters, digits and combining marks", () => {
    expect(searchWords("  Čapek, TOQAEV!  ")).toEqual(["čapek", "toqaev"]);
    expect(searchWords("C\u030Capek")).toEqual(["čapek"]); // NFC: one letter, as typed either way
    expect(searchWords(`"quoted" * NEAR( a ) OR b:c ^d -e`)).toEqual(["quoted", "near", "a", "or", "b", "c", "d", "e"]);
    expect(searchWords("🙂🇰🇿 ***")).toEqual([]);
    expect(searchWords("Pesков")).toEqual(["pesков"]);
    expect(searchWords("Дмитрий Песков")).toEqual(["дмитрий", "песков"]); // й stays й: the tokenizer keeps it too
    expect(searchWords("\u0301 a\u0301")).toEqual(["á"]); // a lone mark is not a word
  });

  it("keeps at most MAX_WORDS words", () => {
    expect(searchWords(Array.from({ length: 30 }, (_, i) => `w${i}`).join(" "))).toHaveLength(MAX_WORDS);
  });
});

describe("matchExpression", () => {
  it("quotes every word, ANDs them, restricts them to the searchable columns and prefixes the last", () => {
    expect(matchExpression(["oil", "gas"])).toBe(`{text quotes people source} : ("oil" AND "gas"*)`);
    expect(matchExpression(["oil", "ga"])).toBe(`{text quotes people source} : ("oil" AND "ga")`);
    expect(matchExpression(["oil", "gas"], { prefixLast: false })).toBe(`{text quotes people source} : ("oil" AND "gas")`);
    expect(matchExpression([])).toBeNull();
  });

  it("adds synonyms as alternatives, longest run first, leaving out those that contain another", () => {
    const synonyms = new Map([
      ["tokayev", [["kassym", "jomart", "tokayev"], ["qasym", "zhomart", "toqaev"], ["toqaev"], ["tokayev"]]],
      ["kassym jomart tokayev", [["toqaev"]]],
      ["capek", [["karel", "capek"]]],
    ]);
    expect(matchExpression(["tokayev", "oil"], { synonyms })).toBe(
      `{text quotes people source} : (("tokayev" OR "toqaev") AND "oil"*)`,
    );
    expect(matchExpression(["kassym", "jomart", "tokayev"], { synonyms })).toBe(
      `{text quotes people source} : (("kassym jomart tokayev"* OR "toqaev"))`,
    );
    // Keys are folded: "Čapek" typed finds the synonyms stored under "capek".
    expect(matchExpression(["čapek"], { synonyms })).toBe(`{text quotes people source} : (("čapek"* OR "karel capek"))`);
    expect(run(matchExpression(["tokayev", "oil"], { synonyms }))).toEqual([1]);
  });

  it("adds filters as tokens of the keys column", () => {
    expect(filterTokens({ status: "stale", personId: "ab", sourceId: "c-d" })).toEqual(["sstale", "p6162", "o632d64"]);
    expect(matchExpression(["oil"], { filters: { status: "supported" } })).toBe(`{text quotes people source} : ("oil"*) AND keys : "ssupported"`);
  });

  it("finds words whatever their case or diacritics", () => {
    expect(run(matchExpression(searchWords("capek")))).toEqual([2]);
    expect(run(matchExpression(searchWords("ČAPEK")))).toEqual([2]);
    expect(run(matchExpression(searchWords("C\u030Capek")))).toEqual([2]);
    expect(run(matchExpression(searchWords("toqa")))).toEqual([1]);
    expect(run(matchExpression(searchWords("tokayev")))).toEqual([1]);
    expect(run(matchExpression(searchWords("ПЕСКОВ")))).toEqual([3]);
    expect(run(matchExpression(searchWords("Дмитрий")))).toEqual([3]);
    expect(run(matchExpression(searchWords("Pesков")))).toEqual([]); // mixed scripts: one word no text holds
  });

  it("treats FTS5 operators and punctuation as words, never as syntax", () => {
    for (const q of [`"`, `*`, `NEAR(`, `)`, `(`, `NEAR(a b, 2)`, `OR`, `a OR b`, `NOT oil`, `oil NOT`, `text:oil`, `^oil`, `{text}: oil`, `""""`, `'`, `-oil`, `+oil`, `oil*`, `🙂`, `Pesков`, `AND AND`, `\\`, "\u0000"]) {
      expect(() => run(matchExpression(searchWords(q))), q).not.toThrow();
    }
    expect(run(matchExpression(searchWords(`"no" * OR`)))).toEqual([3]);
    expect(run(matchExpression(searchWords(`NEAR the end`)))).toEqual([2]);
    expect(run(matchExpression(searchWords(`text:oil`)))).toEqual([]); // "text" is a word here, and no claim has it
  });

  it("never searches the keys column with user words", () => {
    expect(run(matchExpression(searchWords("ssupported")))).toEqual([]);
    expect(run(matchExpression(searchWords("said"), { filters: { status: "disputed" } }))).toEqual([3]);
  });

  it("produces an expression FTS5 accepts for any input", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 60 }), (q) => {
        run(matchExpression(searchWords(q)));
      }),
      { numRuns: 300 },
    );
  });
});
