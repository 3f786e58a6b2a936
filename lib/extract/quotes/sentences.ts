// Sentences of a paragraph. A period inside a quotation does not end the sentence the
// quotation belongs to ("“I came. I saw,” he said." is one sentence) unless the mark
// closes right after it. Abbreviations and initials do not end a sentence.
import type { Range } from "./text";

const ABBREVIATIONS = new Set(
  ("mr mrs ms dr prof sen rep gov gen lt col maj capt sgt adm st jr sr inc co corp ltd vs etc " +
    "jan feb mar apr aug sep sept oct nov dec no u.s u.n u.k a.m p.m d.c e.g i.e rev pres atty fig").split(" "),
);
const CLOSING = /[”"’')\]»]/u;
const NEXT_START = /[\p{Lu}\p{N}“"'‘(«[]/u;

function abbreviationBefore(text: string, dot: number, from: number): boolean {
  let s = dot;
  while (s > from && /[\p{L}.]/u.test(text[s - 1]!)) s--;
  const word = text.slice(s, dot).toLowerCase();
  return ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word);
}

export function sentences(text: string, para: Range, insideQuote: (i: number) => boolean): Range[] {
  const out: Range[] = [];
  let start = para.start;
  for (let i = para.start; i < para.end; i++) {
    const c = text[i]!;
    if (c !== "." && c !== "!" && c !== "?") continue;
    let j = i + 1;
    while (j < para.end && (CLOSING.test(text[j]!) || /[.!?]/.test(text[j]!))) j++;
    if (j >= para.end) break;
    if (!/\s/u.test(text[j]!)) continue;
    let k = j;
    while (k < para.end && /\s/u.test(text[k]!)) k++;
    if (!NEXT_START.test(text[k] ?? "")) continue;
    if (c === "." && abbreviationBefore(text, i, start)) continue;
    if (insideQuote(j)) continue;
    out.push({ start, end: j });
    start = k;
    i = k - 1;
  }
  if (start < para.end) out.push({ start, end: para.end });
  return out;
}
