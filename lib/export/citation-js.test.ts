import { Cite } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import { describe, expect, it } from "vitest";
import { toBiblatex, toBibtex, toRis } from "./citation-js";
import { cslNote, UNTITLED, UNTITLED_CSL } from "./csl";
import { texEscape, texUrl } from "./tex";
import { langid, protectCase } from "./bibtex";
import { oneLine } from "./claim-facts";
import { toCslItem, type CslItem } from "./csl";
import { seededClaim, seededClaims, TEST_CTX, trickyClaim, unknownClaim } from "./test-fixtures";
import type { ExportClaim } from "./types";

const all = () => [...seededClaims(), trickyClaim(), unknownClaim()];

type Parsed = Record<string, unknown>;
const parse = (text: string): Parsed[] => new Cite(text).data;

const plainTitle = (item: CslItem) => (item.title === UNTITLED_CSL ? UNTITLED : item.title);

function expectSameFields(back: Parsed, item: CslItem, claim: ExportClaim) {
  expect(back.title).toBe(plainTitle(item));
  expect(back["container-title"]).toBe(item["container-title"]);
  // The outlet is the journal(title); BibLaTeX @article takes no publisher (biber warns).
  expect(back.publisher).toBeUndefined();
  // The same address as an ASCII URI ("réforme" → "r%C3%A9forme").
  expect(back.URL).toBe(item.URL && texUrl(item.URL));
  // TeX reads runs of white space as one space: the note says so where that touched a quote.
  expect(back.note).toBe(cslNote(claim, TEST_CTX, "tex"));
}

describe("BibTeX and BibLaTeX", () => {
  it("month macros, the day in BibLaTeX's date, news items as @article/newspaper without publisher, langid", () => {
    const claim = seededClaim("caspian-tcop-shelved");
    const bibtex = toBibtex(claim, TEST_CTX);
    expect(bibtex).toContain("\tyear = {2024},\n\tmonth = dec,\n");
    expect(bibtex).not.toMatch(/month = \{/);
    const biblatex = toBiblatex(claim, TEST_CTX);
    expect(biblatex).toMatch(/^@article\{caspian-tcop-shelved,\n\tentrysubtype = \{newspaper\},\n/);
    expect(biblatex).toContain("\tdate = {2024-12-03},\n");
    expect(biblatex).toContain("\tlangid = {english},\n");
    expect(biblatex).toContain("\tjournaltitle = {The Caspian Post},\n");
    expect(biblatex).not.toMatch(/publisher|\tlanguage/);
    expect(langid("pt-BR")).toBe("brazilian");
    expect(langid("xx")).toBeUndefined();
  });

  it("protects capitals in any script like ASCII ones, and a Cyrillic title survives citation-js", () => {
    expect(protectCase("Macron at the Élysée and Москва talks about NATO")).toBe("Macron at the {Élysée} and {Москва} talks about {NATO}");
    expect(protectCase("Élysée talks")).toBe("Élysée talks");
    expect(protectCase("iPhone sales")).toBe("{iPhone} sales");
    const claim = { ...trickyClaim(), source: { ...trickyClaim().source, title: "Встреча в Москве: Путин и Токаев" } } satisfies ExportClaim;
    const out = toBiblatex(claim, TEST_CTX);
    expect(out).toContain("title = {Встреча в {Москве:} {Путин} и {Токаев}}");
    expect(parse(out)[0]!.title).toBe("Встреча в Москве: Путин и Токаев");
  });

  it("a quote with NBSP, CRLF and a tab: exact in CSL-JSON, said to be normalised where TeX and RIS cannot hold it", () => {
    const base = trickyClaim();
    const exact = "50\u00a0%\r\nmore\tnow";
    const claim = { ...base, spans: [{ ...base.spans[0]!, exact }] } satisfies ExportClaim;
    expect(toCslItem(claim, TEST_CTX).note).toContain(`“${exact}”`);
    expect(toCslItem(claim, TEST_CTX).custom.verbatim.quotes[0]!.exact).toBe(exact);
    const bibNote = parse(toBibtex(claim, TEST_CTX))[0]!.note as string;
    expect(bibNote).toContain("“50\u00a0% more now”");
    expect(bibNote).toContain("exact characters are in Verbatim's CSL-JSON export");
    const n1 = toRis(claim, TEST_CTX).split("\r\n").find((l) => l.startsWith("N1  - "))!;
    expect(n1).toContain("“50\u00a0% more\tnow”");
    expect(n1).toContain("exact characters are in Verbatim's CSL-JSON export");
  });

  for (const [name, render] of [
    ["bibtex", toBibtex],
    ["biblatex", toBiblatex],
  ] as const) {
    it(`${name}: every claim parses back to the same fields`, () => {
      for (const claim of all()) {
        const item = toCslItem(claim, TEST_CTX);
        const out = render(claim, TEST_CTX);
        const entries = parse(out);
        expect(entries, claim.id).toHaveLength(1);
        const back = entries[0]!;
        expect(back.id, claim.id).toBe(claim.id);
        expectSameFields(back, item, claim);
        expect(back.author).toEqual(item.author);
        if (name === "biblatex") {
          expect(back.issued).toEqual(item.issued);
          expect(back.accessed).toEqual(item.accessed);
          expect(back.language).toEqual(langid(item.language));
        } else {
          // BibTeX has a year and a month macro, no day.
          const parts = item.issued?.["date-parts"][0];
          expect(back.issued).toEqual(parts ? { "date-parts": [parts.slice(0, 2)] } : undefined);
        }
      }
    });
  }

  it("uses the claim id as the key and a type that fits the source", () => {
    expect(toBibtex(seededClaim("caspian-tcop-shelved"), TEST_CTX)).toMatch(/^@article\{caspian-tcop-shelved,\n/);
    expect(toBibtex(unknownClaim(), TEST_CTX)).toMatch(/^@misc\{unknown-claim,\n/);
    expect(toBiblatex(unknownClaim(), TEST_CTX)).toMatch(/^@online\{unknown-claim,\n/);
  });

  it("escapes TeX specials and braces, and keeps every character (UTF-8)", () => {
    const out = toBibtex(trickyClaim(), TEST_CTX);
    const title = /\ttitle = \{(.*)\},\n/.exec(out)![1]!;
    for (const s of ["\\{50\\%\\}", "\\&", "{\\textdollar}5", "\\#1\\_x", "{\\textbackslash}o/", "{\\textasciitilde}", "{\\textless}b{\\textgreater}", "🎉", "Zoë’s", "café"]) {
      expect(title).toContain(s);
    }
    expect(out).toContain("journal = {Le Monde \\& Co \\{Ltd\\} 📰}");
    expect(out).toContain("author = {Müller, José and de la Cruz, Ana}");
    // Braces balance in every field once escaped braces are discounted.
    for (const line of out.split("\n").filter((l) => l.startsWith("\t"))) {
      const bare = line.replace(/\\[{}]/g, "");
      expect((bare.match(/\{/g) ?? []).length, line).toBe((bare.match(/\}/g) ?? []).length);
    }
  });

  it("texEscape breaks up ligatures so they read back as written", () => {
    expect(texEscape("a--b ''c'' ``d`` ~ ^ | \\ $")).toBe("a-{}-b '{}'c'{}' `{}`d`{}` {\\textasciitilde} {\\textasciicircum} {\\textbar} {\\textbackslash} {\\textdollar}");
    const claim = { ...trickyClaim(), source: { ...trickyClaim().source, title: "Putin--Xi: ''deal'' ~ 1--2" } } satisfies ExportClaim;
    expect(parse(toBiblatex(claim, TEST_CTX))[0]!.title).toBe("Putin--Xi: ''deal'' ~ 1--2");
  });
});

const RIS_LINE = /^[A-Z][A-Z0-9] {2}- /;

describe("RIS", () => {
  it("every line is a tag line, and every quote stays on one line", () => {
    for (const claim of all()) {
      const out = toRis(claim, TEST_CTX);
      expect(out, claim.id).toMatch(/\r\n$/);
      expect(out.replace(/\r\n/g, ""), "every line ends in CRLF").not.toMatch(/[\r\n]/);
      const lines = out.split("\r\n").filter((l) => l !== "");
      for (const line of lines) expect(line, claim.id).toMatch(RIS_LINE);
      expect(lines[0]).toMatch(/^TY {2}- (NEWS|ELEC)$/);
      expect(lines.at(-1)).toBe("ER  - ");
      const n1 = lines.filter((l) => l.startsWith("N1  - "));
      expect(n1).toHaveLength(1);
      // One line: the quote's line breaks become spaces; everything else (NBSP, double spaces) stays.
      for (const s of claim.spans) expect(n1[0]).toContain(`“${s.exact.replace(/[\r\n\u2028\u2029\u0085\v\f]+/gu, " ")}”`);
    }
  });

  it("is NEWS for a newspaper article, ELEC for a web page", () => {
    expect(toRis(seededClaim("rferl-cpc-80-percent-oil-exports"), TEST_CTX)).toMatch(/^TY {2}- NEWS\r\n/);
    expect(toRis(unknownClaim(), TEST_CTX)).toMatch(/^TY {2}- ELEC\r\n/);
  });

  it("parses back to the same fields", () => {
    for (const claim of all()) {
      const item = toCslItem(claim, TEST_CTX);
      const out = toRis(claim, TEST_CTX);
      const [back] = parse(out);
      expect(back!.id).toBe(claim.id);
      expect(back!.type).toBe(item.type);
      expect(back!.title).toBe(plainTitle(item));
      expect(back!["container-title"]).toBe(item.type === "article-newspaper" ? item["container-title"] : undefined);
      expect(back!.publisher).toBe(item.publisher);
      expect(back!.URL).toBe(item.URL);
      expect(back!.note).toBe(item.note);
      // citation-js reads a NEWS record's AU as `reporter` (RIS: "Reporter") names as
      // written, and its date only from PY (the year); the full date is in DA, checked below.
      // RIS has no particle field: "de la Cruz, Ana".
      const family = (n: { family: string; "non-dropping-particle"?: string }) => [n["non-dropping-particle"], n.family].filter(Boolean).join(" ");
      const written = (item.author ?? []).map((n) => ("literal" in n ? n.literal : `${family(n)}, ${n.given}`));
      if (item.type === "article-newspaper") expect(back!.reporter ?? []).toEqual(written);
      else expect(back!.author ?? []).toEqual((item.author ?? []).map((n) => ("literal" in n ? n : { family: family(n), given: n.given })));
      if (item.type === "webpage") expect(back!.issued).toEqual(item.issued);
      else expect(back!.issued).toEqual(item.issued && { "date-parts": [[item.issued["date-parts"][0][0]]] });
    }
  });

  it("writes the full date at the source's precision in DA, and nothing when unknown", () => {
    expect(toRis(seededClaim("caspian-tcop-shelved"), TEST_CTX)).toContain("\r\nPY  - 2024\r\nDA  - 2024/12/03/\r\n");
    expect(toRis(trickyClaim(), TEST_CTX)).toContain("\r\nDA  - 2025/11//\r\n");
    expect(toRis(trickyClaim(), TEST_CTX)).toContain("\r\nY2  - 2025/12/01/\r\n");
    const rferl = toRis(seededClaim("peskov-washington-contacts-interesting"), TEST_CTX);
    expect(rferl).not.toMatch(/^(PY|DA|Y2|AU|UR)  - /m);
    expect(rferl).toContain("\r\nTI  - [Untitled article]\r\n");
  });

  it("keeps long values and line breaks inside one line", () => {
    const claim = trickyClaim();
    const long = { ...claim, text: `${"A very long claim text. ".repeat(20)}\nwith a line break` } satisfies ExportClaim;
    const out = toRis(long, TEST_CTX);
    for (const line of out.split("\r\n").filter(Boolean)) expect(line).toMatch(RIS_LINE);
    expect(out).toContain("with a line break");
  });
});
