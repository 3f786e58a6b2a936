// A word-level diff between two revisions' texts, as code-point ranges of each side:
// what the old text lost (`removed`) and what the new one gained (`added`). Pure; the
// `diff` package's word diff (Myers) with whitespace kept, so every character is placed.
import { diffWordsWithSpace } from "diff";
import { CodePointIndex } from "../spans/codepoints";
import type { Range } from "../render/highlight";

export type WordDiff = { removed: Range[]; added: Range[]; unchanged: boolean; removedChars: number; addedChars: number };

export function wordDiff(oldText: string, newText: string): WordDiff {
  if (oldText === newText) return { removed: [], added: [], unchanged: true, removedChars: 0, addedChars: 0 };
  const oldIndex = new CodePointIndex(oldText);
  const newIndex = new CodePointIndex(newText);
  const removed: Range[] = [];
  const added: Range[] = [];
  let o = 0;
  let n = 0;
  for (const part of diffWordsWithSpace(oldText, newText)) {
    const length = part.value.length;
    if (part.removed) {
      removed.push({ start: oldIndex.toCodePoint(o), end: oldIndex.toCodePoint(o + length) });
      o += length;
    } else if (part.added) {
      added.push({ start: newIndex.toCodePoint(n), end: newIndex.toCodePoint(n + length) });
      n += length;
    } else {
      o += length;
      n += length;
    }
  }
  const total = (rs: Range[]) => rs.reduce((sum, r) => sum + r.end - r.start, 0);
  return { removed, added, unchanged: false, removedChars: total(removed), addedChars: total(added) };
}
