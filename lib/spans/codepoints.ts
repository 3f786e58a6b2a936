// Offsets in Verbatim count Unicode code points, as W3C Web Annotation's
// TextPositionSelector does. JavaScript strings index UTF-16 code units, so every
// conversion between the two goes through this file.

/** Number of code points in `s`. */
export function cpLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** True when `s` has no unpaired surrogate (it can be stored and hashed as UTF-8 faithfully). */
export function isWellFormed(s: string): boolean {
  return !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);
}

/**
 * Maps between code-point offsets and UTF-16 offsets of one text. Build it once per
 * text and reuse it: every lookup is O(1) (code point → unit) or O(log n) (unit → code point).
 */
export class CodePointIndex {
  readonly text: string;
  /** unitAt[k] = UTF-16 offset of code point k; unitAt[length] = text.length. */
  private readonly unitAt: Uint32Array;

  constructor(text: string) {
    this.text = text;
    const units = new Uint32Array(text.length + 1);
    let k = 0;
    for (let i = 0; i < text.length; i++) {
      units[k++] = i;
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) i++;
      }
    }
    units[k] = text.length;
    this.unitAt = units.slice(0, k + 1);
  }

  /** Length of the text in code points. */
  get length(): number {
    return this.unitAt.length - 1;
  }

  /** UTF-16 offset of code-point offset `cp` (0..length). */
  toUnit(cp: number): number {
    if (!Number.isInteger(cp) || cp < 0 || cp > this.length) {
      throw new RangeError(`code-point offset ${cp} outside 0..${this.length}`);
    }
    return this.unitAt[cp]!;
  }

  /** Code-point offset of UTF-16 offset `unit`; a unit inside a surrogate pair maps to that pair's start. */
  toCodePoint(unit: number): number {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.unitAt[mid]! <= unit) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** True when `unit` falls between two code points (not inside a surrogate pair). */
  isCodePointBoundary(unit: number): boolean {
    return this.unitAt[this.toCodePoint(unit)] === unit;
  }

  /** The text between code-point offsets `start` and `end`. */
  slice(start: number, end: number): string {
    return this.text.slice(this.toUnit(start), this.toUnit(end));
  }
}
