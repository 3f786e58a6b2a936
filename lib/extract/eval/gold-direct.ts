// Gold direct quotations, derived from gold attributions independently of the extractor:
// the characters of an attribution's content that lie between double quotation marks
// (paired per line, straight marks alternating), kept when they hold two words or more.
import type { GoldAttribution, Range } from "./brat";

export function quoteMask(cps: string[]): boolean[] {
  const mask = new Array<boolean>(cps.length).fill(false);
  let open = -1;
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i]!;
    // Two apostrophes are one straight double mark in some archives (''quoted'').
    if (cps[i] === "'" && cps[i + 1] === "'") {
      if (open < 0) { open = i + 1; i++; continue; }
      for (let k = open + 1; k < i; k++) mask[k] = true;
      open = -1; i++; continue;
    }
    if (c === "\n") open = -1;
    else if (open < 0 && (c === "“" || c === '"' || c === "«")) open = i;
    else if (open >= 0 && (c === "”" || c === '"' || c === "»")) {
      for (let k = open + 1; k < i; k++) mask[k] = true;
      open = -1;
    } else if (open >= 0 && (c === "“")) open = i;
  }
  // A quotation left open at the end of a paragraph runs to its end.
  return mask;
}

export function goldDirect(cps: string[], mask: boolean[], a: GoldAttribution): Range[] | null {
  const out: Range[] = [];
  for (const r of a.content) {
    let i = r.start;
    while (i < r.end) {
      if (!mask[i]) { i++; continue; }
      const start = i;
      while (i < r.end && mask[i]) i++;
      out.push({ start, end: i });
    }
  }
  const words = out.map((r) => cps.slice(r.start, r.end).join("")).join(" ").match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length >= 2 ? out : null;
}
