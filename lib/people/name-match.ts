// Near matches between a typed speaker name and the spellings already stored, so that
// "Seitkali", "M. Seitkali", "Tokayev" or "Dmitri Peskov" propose the existing person
// instead of silently creating a second one. Pure. A proposal is only a question to the
// editor ("did you mean …?"): nothing is attributed on a near match without their choice.

/** Case, accents, apostrophes and punctuation removed; words split on spaces and hyphens. */
export function nameTokens(name: string): string[] {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’ʼ`]/g, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * Spelling variants that transliterations of the same name differ by (Toqaev/Tokayev,
 * Dmitri/Dmitry, Zhomart/Jomart, Mikhail/Michail), folded to one form before comparing.
 */
export function phoneticForm(token: string): string {
  return token
    .replace(/kh/g, "h")
    .replace(/zh|dzh|dj/g, "j")
    .replace(/ch/g, "c")
    .replace(/ph/g, "f")
    .replace(/[qc]/g, "k")
    .replace(/w/g, "v")
    .replace(/[yj]/g, "i")
    .replace(/(.)\1+/g, "$1");
}

/** Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** How many edits two words of this length may differ by and still be "the same name". */
const allowed = (length: number) => (length >= 10 ? 2 : length >= 5 ? 1 : 0);

function sameWord(typed: string, stored: string): boolean {
  if (typed === stored) return true;
  const a = phoneticForm(typed);
  const b = phoneticForm(stored);
  return a === b || editDistance(a, b) <= allowed(Math.max(a.length, b.length));
}

/**
 * Why `typed` may name the person stored as `stored`, or null. Every typed word must
 * match a different stored word (an initial matches a word starting with it), in order,
 * and at least one typed word must be a full word of 3+ letters: "Seitkali" and
 * "M. Seitkali" match "Marat Seitkali"; "Marat" alone does too (the editor is asked).
 */
export function nearNameMatch(typed: string, stored: string): "part" | "spelling" | null {
  const t = nameTokens(typed);
  const s = nameTokens(stored);
  if (t.length === 0 || s.length === 0 || t.join(" ") === s.join(" ")) return null;
  if (!t.some((w) => w.length >= 3)) return null;
  let from = 0;
  let exact = true;
  for (const word of t) {
    let found = -1;
    for (let k = from; k < s.length; k++) {
      const candidate = s[k]!;
      const initial = word.length === 1 && candidate.startsWith(word);
      if (initial || candidate === word) { found = k; break; }
      if (word.length >= 3 && sameWord(word, candidate)) { found = k; exact = false; break; }
    }
    if (found < 0) return null;
    from = found + 1;
  }
  return exact && t.length < s.length ? "part" : exact ? "part" : "spelling";
}
