// Which existing claim a suggestion already is: the claim whose spans cover at least half
// of the suggestion's content characters (the most-covering claim wins). Pure.
type Range = { start: number; end: number };
export type ClaimSpans = { claimId: string; start: number; end: number };

function covered(content: Range[], spans: Range[]): number {
  let n = 0;
  for (const c of content) {
    // Spans of one claim may overlap each other: count each content character once.
    const cuts = spans.filter((s) => s.start < c.end && s.end > c.start).map((s) => ({ start: Math.max(s.start, c.start), end: Math.min(s.end, c.end) })).sort((a, b) => a.start - b.start);
    let reach = c.start;
    for (const s of cuts) {
      if (s.end <= reach) continue;
      n += s.end - Math.max(s.start, reach);
      reach = s.end;
    }
  }
  return n;
}

export function existingClaimFor(content: Range[], spans: ClaimSpans[]): string | null {
  const total = content.reduce((n, c) => n + c.end - c.start, 0);
  if (total === 0) return null;
  const byClaim = new Map<string, Range[]>();
  for (const s of spans) if (content.some((c) => s.start < c.end && s.end > c.start)) byClaim.set(s.claimId, [...(byClaim.get(s.claimId) ?? []), s]);
  let best: { id: string; share: number } | null = null;
  for (const [id, ranges] of byClaim) {
    const share = covered(content, ranges) / total;
    if (share >= 0.5 && (!best || share > best.share || (share === best.share && id < best.id))) best = { id, share };
  }
  return best?.id ?? null;
}
