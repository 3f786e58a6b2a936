// How well the words around a candidate place agree with the words around the old span.
// Pure, UTF-16 offsets.
export const CONTEXT = 32;

const commonSuffix = (a: string, b: string) => {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
};
const commonPrefix = (a: string, b: string) => {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
};

export type Context = { prefix: string; suffix: string };

export const contextAt = (text: string, start: number, end: number): Context => ({
  prefix: text.slice(Math.max(0, start - CONTEXT), start),
  suffix: text.slice(end, end + CONTEXT),
});

/** Characters of context that agree on both sides, 0 … 2 × CONTEXT. */
export function contextAgreement(old: Context, text: string, start: number, end: number): number {
  const here = contextAt(text, start, end);
  return commonSuffix(old.prefix, here.prefix) + commonPrefix(old.suffix, here.suffix);
}
