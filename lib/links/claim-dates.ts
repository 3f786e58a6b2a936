// Which of two claims speaks for the later time: each claim's date is its own "as of",
// else its source's publication date, both at the precision known (YYYY, YYYY-MM or
// YYYY-MM-DD). Compared at the coarser precision of the two; the same year (or month)
// at that precision, or a date unknown, is no order at all — never guessed from when
// the claims were entered. Pure.

export type DatedClaim = { asOf: string | null; publishedAt: string | null };

const dateOf = (c: DatedClaim) => c.asOf ?? c.publishedAt;

/** -1 when `a` is earlier than `b`, 1 when later, null when the dates do not tell. */
export function compareClaimDates(a: DatedClaim, b: DatedClaim): -1 | 1 | null {
  const x = dateOf(a);
  const y = dateOf(b);
  if (!x || !y) return null;
  const n = Math.min(x.length, y.length);
  const [p, q] = [x.slice(0, n), y.slice(0, n)];
  return p === q ? null : p < q ? -1 : 1;
}
