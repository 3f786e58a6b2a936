// A word no claim holds may be words run together: a hashtag such as #maddoxstrong or
// #tentcity, written in lower case so that its camel case cannot split it (tokens.ts).
// Pure: the ways to cut such a word in two; find-similar.ts keeps the one whose parts
// are both words of the index, if any.

/** Each part of a split has at least this many letters ("tent city", not "t entcity"). */
export const MIN_SPLIT_PART = 3;
/** Only words at least this long are cut (two parts of MIN_SPLIT_PART). */
export const MIN_SPLIT_WORD = 2 * MIN_SPLIT_PART;

/** Every way to cut `word` (letters only) into two parts of at least MIN_SPLIT_PART letters. */
export function twoPartSplits(word: string): [string, string][] {
  const letters = Array.from(word);
  if (letters.length < MIN_SPLIT_WORD || !/^\p{L}+$/u.test(word)) return [];
  const out: [string, string][] = [];
  for (let i = MIN_SPLIT_PART; i <= letters.length - MIN_SPLIT_PART; i++) out.push([letters.slice(0, i).join(""), letters.slice(i).join("")]);
  return out;
}
