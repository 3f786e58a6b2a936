// BibTeX and BibLaTeX entries, written here rather than by citation-js: its writer put
// `month = {dec 3}`, case-protected only ASCII capitals, gave BibLaTeX news items a
// `publisher` biber warns about, wrote raw language codes and escapes Zotero cannot read.
// Every entry is read back by citation-js's parser in the tests. Pure.
import type { CslName } from "./authors";
import { type CslDate, type CslItem, UNTITLED, UNTITLED_CSL } from "./csl";
import { texEscape, texUrl } from "./tex";

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"] as const;

// BCP 47 primary tags → babel/polyglossia names (BibLaTeX `langid`). Unlisted languages
// get no langid rather than a guess.
const LANGID: Record<string, string> = {
  en: "english", fr: "french", de: "ngerman", es: "spanish", it: "italian", pt: "portuguese", ru: "russian",
  uk: "ukrainian", kk: "kazakh", tr: "turkish", pl: "polish", nl: "dutch", sv: "swedish", cs: "czech",
  ar: "arabic", el: "greek", fi: "finnish", da: "danish", nb: "norsk", hu: "magyar", ro: "romanian",
};
const REGIONAL: Record<string, string> = { "en-us": "american", "en-gb": "british", "pt-br": "brazilian", "de-at": "naustrian", "de-ch": "nswissgerman" };

export function langid(tag: string | undefined): string | undefined {
  if (!tag) return undefined;
  const lower = tag.toLowerCase();
  return REGIONAL[lower] ?? LANGID[lower.split("-")[0]!];
}

/**
 * A title with every word that holds a capital letter (any script: "Élysée", "Москва",
 * "NATO", "iPhone") in braces, so sentence-case styles keep it; the first word is
 * braced only when it has a capital after its first letter.
 */
export function protectCase(escaped: string): string {
  let first = true;
  return escaped.replace(/[^\s]+/gu, (word) => {
    const letters = word.replace(/\\[a-z]+/giu, ""); // TeX commands are not capitals
    const capitals = (letters.match(/\p{Lu}/gu) ?? []).length;
    const initialOnly = capitals === 1 && /^\P{L}*\p{Lu}/u.test(letters);
    const brace = capitals > 0 && !(first && initialOnly);
    first = false;
    return brace ? `{${word}}` : word;
  });
}

function name(n: CslName): string {
  if ("literal" in n) return `{${texEscape(n.literal)}}`; // an organisation: never split into given/family
  const family = [n["non-dropping-particle"], n.family].filter(Boolean).join(" ");
  return n.given ? `${texEscape(family)}, ${texEscape(n.given)}` : texEscape(family);
}

const parts = (d: CslDate | undefined) => d?.["date-parts"][0] ?? [];
const iso = (d: CslDate | undefined) =>
  parts(d).map((p, i) => (i === 0 ? String(p) : String(p).padStart(2, "0"))).join("-");

type Field = [string, string, "braced" | "bare"];

function entry(type: string, key: string, fields: (Field | null | undefined | false)[]): string {
  const lines = fields.filter((f): f is Field => Boolean(f)).map(([k, v, how]) => `\t${k} = ${how === "bare" ? v : `{${v}}`},`);
  return `@${type}{${key},\n${lines.join("\n")}\n}\n`;
}

/** The fields both dialects share, from the CSL item (the note is the caller's: it differs per format). */
function common(item: Omit<CslItem, "custom">, note: string) {
  return {
    author: item.author?.length ? (["author", item.author.map(name).join(" and "), "braced"] as Field) : null,
    // The untitled description, braced whole: styles must not recase it.
    title: item.title === UNTITLED_CSL ? (["title", `{${UNTITLED}}`, "braced"] as Field) : item.title !== undefined ? (["title", protectCase(texEscape(item.title)), "braced"] as Field) : null,
    url: item.URL !== undefined ? (["url", texUrl(item.URL), "braced"] as Field) : null,
    note: ["note", texEscape(note), "braced"] as Field,
  };
}

/** BibTeX: @article (a news outlet is known) or @misc; year and month macro (BibTeX has no day). */
export function bibtexEntry(item: Omit<CslItem, "custom">, note: string): string {
  const c = common(item, note);
  const [year, month] = parts(item.issued);
  return entry(item.type === "article-newspaper" ? "article" : "misc", item.id, [
    c.author,
    c.title,
    item["container-title"] !== undefined && ["journal", texEscape(item["container-title"]), "braced"],
    year !== undefined && ["year", String(year), "braced"],
    month !== undefined && ["month", MONTHS[month - 1]!, "bare"],
    c.url,
    c.note,
  ]);
}

/**
 * BibLaTeX: a news item is @article with entrysubtype newspaper (no publisher: biber
 * warns about it on @article); else @online. The date at the source's precision, the
 * access date, and langid as a babel language name.
 */
export function biblatexEntry(item: Omit<CslItem, "custom">, note: string): string {
  const c = common(item, note);
  const news = item.type === "article-newspaper";
  const lang = langid(item.language);
  return entry(news ? "article" : "online", item.id, [
    news && ["entrysubtype", "newspaper", "braced"],
    c.author,
    c.title,
    news && item["container-title"] !== undefined && ["journaltitle", texEscape(item["container-title"]), "braced"],
    item.issued && ["date", iso(item.issued), "braced"],
    c.url,
    item.accessed && ["urldate", iso(item.accessed), "braced"],
    lang !== undefined && ["langid", lang, "braced"],
    item["original-publisher"] !== undefined && ["origpublisher", `{${texEscape(item["original-publisher"])}}`, "braced"],
    item["original-title"] !== undefined && ["origtitle", protectCase(texEscape(item["original-title"])), "braced"],
    item["original-date"] && ["origdate", iso(item["original-date"]), "braced"],
    c.note,
  ]);
}
