// Where the unchanged stretches of an old text went in a new one: a word-level diff
// (the `diff` package, Myers' algorithm) as a list of equal runs, in UTF-16 offsets.
import { diffWordsWithSpace } from "diff";

export type EqualRun = { old: number; new: number; length: number };

export function equalRuns(oldText: string, newText: string): EqualRun[] {
  if (oldText === newText) return [{ old: 0, new: 0, length: oldText.length }];
  const runs: EqualRun[] = [];
  let o = 0;
  let n = 0;
  for (const part of diffWordsWithSpace(oldText, newText)) {
    const length = part.value.length;
    if (part.added) n += length;
    else if (part.removed) o += length;
    else {
      runs.push({ old: o, new: n, length });
      o += length;
      n += length;
    }
  }
  return runs;
}

/** The new offsets of [start, end) when it lies inside one unchanged run, else null. */
export function mapThrough(runs: EqualRun[], start: number, end: number): { start: number; end: number } | null {
  let lo = 0;
  let hi = runs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = runs[mid]!;
    if (start < r.old) hi = mid - 1;
    else if (start >= r.old + r.length) lo = mid + 1;
    else return end <= r.old + r.length ? { start: r.new + start - r.old, end: r.new + end - r.old } : null;
  }
  return null;
}

/** Where `offset` of the old text most likely is in the new one: through the nearest run before it. */
export function expectedPosition(runs: EqualRun[], offset: number): number {
  let best = 0;
  for (const r of runs) {
    if (r.old > offset) break;
    best = r.new + Math.min(offset - r.old, r.length);
  }
  return best;
}
