import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { CSV_BOM, CSV_COLUMNS, csvHeader, csvRow, neutraliseFormula } from "./csv";
import { makeClaim, seededClaims, TEST_CTX, trickyClaim } from "./test-fixtures";

/** RFC 4180 reader: every field quoted, "" inside, CRLF between rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] !== '"') throw new Error(`unquoted field at ${i}`);
    let value = "";
    i++;
    for (;;) {
      const q = text.indexOf('"', i);
      value += text.slice(i, q);
      i = q + 1;
      if (text[i] === '"') (value += '"'), i++;
      else break;
    }
    row.push(value);
    if (text[i] === ",") i++;
    else if (text.startsWith("\r\n", i)) (rows.push(row), (row = []), (i += 2));
    else if (i < text.length) throw new Error(`bad separator at ${i}`);
  }
  return rows;
}

const HOSTILE = makeClaim({
  id: "hostile-claim",
  text: '=HYPERLINK("https://evil.example","click")',
  sourceId: "hostile-source",
  sourceText: "+cmd|' /C calc'!A0 and -2+3 and @SUM(A1) were typed.\r\nA second line.",
  source: { title: "@title", publisher: "-publisher", author: null, url: null, publishedAt: null, retrievedAt: null, language: null },
  quotes: [{ exact: "+cmd|' /C calc'!A0" }, { exact: "@SUM(A1) were typed.\r\nA second" }],
  attribution: { kind: "publication", role: null, person: null },
});

describe("CSV is safe in a spreadsheet", () => {
  it("neutralises = + - @ tab and CR openings with a leading apostrophe, nothing else", () => {
    for (const v of ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"]) expect(neutraliseFormula(v)).toBe(`'${v}`);
    for (const v of ["1-2", "a=b", "", "'quoted", "“curly”"]) expect(neutraliseFormula(v)).toBe(v);
  });

  it("no cell of a hostile claim opens with a formula character; quotes are one JSON array per cell, read back exactly", () => {
    const rows = parseCsv(csvHeader() + csvRow(HOSTILE, TEST_CTX));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    const cells = Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, rows[1]![i]!]));
    for (const v of Object.values(cells)) expect(v).not.toMatch(/^[=+\-@\t\r]/);
    expect(cells.claim).toBe(`'=HYPERLINK("https://evil.example","click")`);
    expect(cells.source_title).toBe("'@title");
    expect(JSON.parse(cells.quotes!)).toEqual(["+cmd|' /C calc'!A0", "@SUM(A1) were typed.\r\nA second"]);
    expect(JSON.parse(cells.offsets!)).toEqual(HOSTILE.spans.map((s) => [s.start, s.end]));
  });

  it("Python's csv module reads every row back (when python3 is on the machine; the JS reader above always runs)", () => {
    const text = CSV_BOM + csvHeader() + [...seededClaims(), trickyClaim(), HOSTILE].map((c) => csvRow(c, TEST_CTX)).join("");
    const rows = parseCsv(text.slice(1));
    expect(rows).toHaveLength(1 + seededClaims().length + 2);
    let python: string | null = null;
    try {
      python = execFileSync("python3", ["-c", "import csv,io,json,sys; r=list(csv.reader(io.StringIO(sys.stdin.buffer.read().decode('utf-8-sig'), newline=''))); print(json.dumps(r))"], { input: Buffer.from(text, "utf8") }).toString();
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
    }
    if (python !== null) expect(JSON.parse(python)).toEqual(rows);
  });
});
