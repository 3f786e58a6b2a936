// Folding for "did you mean" suggestions only: never used to store or match a span.
// Each code point folds to exactly one code point, so folded offsets equal source offsets.
const FOLD: Record<string, string> = {
  "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
  "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
  "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ", "\t": " ",
  "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
};

/** Lower-cases and maps typographic variants (curly quotes, NBSP, dashes) to plain ASCII, code point by code point. */
export function foldCodePoints(s: string): string {
  let out = "";
  for (const ch of s) {
    const lower = ch.toLowerCase();
    out += FOLD[ch] ?? (Array.from(lower).length === 1 ? lower : ch);
  }
  return out;
}
