import type { DbTx } from "../db";
import type { SpanOutcome } from "./reanchor-claims";

/**
 * A claim's unresolved source change: the revision it waits on and, per span, what
 * re-anchoring found there (old and new wording side by side); null when there is none.
 */
export async function getOpenSourceChange(db: DbTx, claimId: string) {
  const c = await db.sourceChange.findFirst({
    where: { claimId, state: "open" },
    select: { id: true, fromSourceId: true, toSourceId: true, spans: true, createdAt: true },
  });
  if (!c) return null;
  return { ...c, spans: JSON.parse(c.spans) as SpanOutcome[], createdAt: c.createdAt.toISOString() };
}
export type OpenSourceChange = NonNullable<Awaited<ReturnType<typeof getOpenSourceChange>>>;
