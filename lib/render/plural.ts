/** "1 claim", "2 claims", "0 claims": a count with its noun. Pure. */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
