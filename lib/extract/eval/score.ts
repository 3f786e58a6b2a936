// Scores suggestions against gold attributions: precision, recall and F1, where a
// prediction matches a gold item one-to-one when their content characters agree exactly
// (after trimming spaces, punctuation and quotation marks at both ends) or overlap with a
// Jaccard index ≥ 0.5, and, for "content + speaker", the predicted speaker overlaps the
// gold source (or both have none). Pure.
import type { Range } from "./brat";

export type Item = { content: Range[]; speaker: Range[] };
export type Scores = { tp: number; predicted: number; gold: number; precision: number; recall: number; f1: number };

const EDGE = /[\s.,;:!?…"“”‘’'«»()[\]—–-]/u;

/** The set of code-point offsets of the ranges, trimmed of edge punctuation per range. */
export function charSet(text: string[], ranges: Range[]): Set<number> {
  const set = new Set<number>();
  for (const r of ranges) {
    let { start, end } = r;
    while (start < end && EDGE.test(text[start] ?? "")) start++;
    while (end > start && EDGE.test(text[end - 1] ?? "")) end--;
    for (let i = start; i < end; i++) set.add(i);
  }
  return set;
}

export function jaccard(a: Set<number>, b: Set<number>): number {
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  const union = a.size + b.size - inter;
  return union === 0 ? 0 : inter / union;
}

const overlaps = (a: Range[], b: Range[]) => a.some((x) => b.some((y) => x.start < y.end && y.start < x.end));

export function score(text: string[], gold: Item[], predicted: Item[], mode: "exact" | "overlap" | "speaker"): Scores {
  const g = gold.map((x) => charSet(text, x.content));
  const p = predicted.map((x) => charSet(text, x.content));
  const pairs: { gi: number; pi: number; j: number }[] = [];
  g.forEach((gs, gi) => p.forEach((ps, pi) => {
    const j = jaccard(gs, ps);
    const ok = mode === "exact" ? j === 1 : j >= 0.5;
    const speakerOk = mode !== "speaker" || (gold[gi]!.speaker.length === 0 ? predicted[pi]!.speaker.length === 0 : overlaps(gold[gi]!.speaker, predicted[pi]!.speaker));
    if (ok && speakerOk) pairs.push({ gi, pi, j });
  }));
  pairs.sort((a, b) => b.j - a.j);
  const usedG = new Set<number>();
  const usedP = new Set<number>();
  for (const pr of pairs) if (!usedG.has(pr.gi) && !usedP.has(pr.pi)) { usedG.add(pr.gi); usedP.add(pr.pi); }
  return tally(usedG.size, predicted.length, gold.length);
}

export function tally(tp: number, predicted: number, gold: number): Scores {
  const precision = predicted ? tp / predicted : 0;
  const recall = gold ? tp / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, predicted, gold, precision, recall, f1 };
}

export function sum(parts: Scores[]): Scores {
  return tally(parts.reduce((n, s) => n + s.tp, 0), parts.reduce((n, s) => n + s.predicted, 0), parts.reduce((n, s) => n + s.gold, 0));
}
