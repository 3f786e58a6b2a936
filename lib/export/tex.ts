// TeX escaping shared by the BibTeX and BibLaTeX writers. Commands are written in the
// braced form Zotero's BibTeX importer maps back ("{\\textbackslash}", "{\\textdollar}"):
// it leaves "\\$" and "\\textbackslash{}" undecoded. Pure.
import { toUri } from "./uri";

// TeX specials, and the ligatures BibTeX readers turn into other characters ("--" → "–",
// "''" → "”", "~" → no-break space): break them up so the text reads back as written.
const TEX_ESCAPES: Record<string, string> = {
  "\\": "{\\textbackslash}",
  "{": "\\{",
  "}": "\\}",
  "%": "\\%",
  "&": "\\&",
  "#": "\\#",
  _: "\\_",
  $: "{\\textdollar}",
  "~": "{\\textasciitilde}",
  "^": "{\\textasciicircum}",
  "<": "{\\textless}", // also stops citation-js reading "<i>" in a title as italics markup
  ">": "{\\textgreater}",
  "|": "{\\textbar}",
  "--": "-{}-",
  "''": "'{}'",
  "``": "`{}`",
};

/** TeX specials escaped; a no-break space as TeX's own `~`, which every BibTeX reader maps back to U+00A0. */
export function texEscape(s: string): string {
  return s.replace(/--|''|``|[\\{}%&#_$~^<>|]/g, (c) => TEX_ESCAPES[c]!).replace(/\u00a0/g, "~");
}

// URLs are written verbatim (url field) as ASCII URIs (toUri): pdfLaTeX's \url cannot
// typeset raw UTF-8, and a brace or backslash would unbalance the entry.
export function texUrl(url: string): string {
  return toUri(url) ?? url.replace(/[^\x21-\x7e]|[{}\\"]/gu, (c) => encodeURIComponent(c));
}

