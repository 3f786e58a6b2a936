// Tokens and paragraphs of an article, in UTF-16 offsets of the JavaScript string.
// Code points are computed only at the edge (suggest.ts), through CodePointIndex.

export type Range = { start: number; end: number };

export type Token = {
  text: string;
  start: number;
  end: number;
  /** Letters or digits (a word), as opposed to a punctuation mark. */
  word: boolean;
};

// A word may hold inner apostrophes, hyphens, periods, slashes and ampersands
// (D'Anieri, Qasym-Zhomart, U.S, RFE/RL, AT&T) but never ends in one.
// Titles and initials keep their period: "Mr.", "Sen.", "George W. Bush".
const TOKEN =
  /(?:Mr|Mrs|Ms|Dr|Sen|Sens|Rep|Reps|Gov|Gen|Lt|Col|Sgt|Capt|Prof|Rev|St|Jr|Sr)\.(?=\s)|\p{Lu}\.(?=\s\p{Lu})|''|[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}]|['’\-./&](?=[\p{L}\p{N}]))*|[^\s]/gu;

export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = from;
  for (let m = TOKEN.exec(text); m && m.index < to; m = TOKEN.exec(text)) {
    const end = m.index + m[0].length;
    if (end > to) break;
    out.push({ text: m[0], start: m.index, end, word: /^[\p{L}\p{N}]/u.test(m[0]) });
  }
  return out;
}

/** Non-empty lines of the text, trimmed of whitespace (NBSP included). */
export function paragraphs(text: string): Range[] {
  const out: Range[] = [];
  const re = /[^\n\r]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const r = trim(text, { start: m.index, end: m.index + m[0].length });
    if (r.end > r.start) out.push(r);
  }
  return out;
}

export function trim(text: string, r: Range, chars: RegExp = /\s/u): Range {
  let { start, end } = r;
  while (start < end && chars.test(text[start]!)) start++;
  while (end > start && chars.test(text[end - 1]!)) end--;
  return { start, end };
}

export const isUpper = (s: string): boolean => /^\p{Lu}/u.test(s);
export const isLower = (s: string): boolean => /^\p{Ll}/u.test(s);
export const wordCount = (s: string): number => (s.match(/[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu) ?? []).length;
