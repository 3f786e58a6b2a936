// A quote must start and end between user-perceived characters: "cafe" must not match
// the first four code points of "cafe\u0301" (café with a combining accent), or the
// stored span would say something the source does not.
const segmenter = new Intl.Segmenter("und", { granularity: "grapheme" });

/** UTF-16 offsets of every grapheme-cluster boundary in `text`, including 0 and text.length. */
export function graphemeBoundaries(text: string): Set<number> {
  const out = new Set<number>([text.length]);
  for (const { index } of segmenter.segment(text)) out.add(index);
  return out;
}
