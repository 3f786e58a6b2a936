import { claimWhere, resolveClaimFilter } from "../claims/claim-filter";
import { CLAIM_STATUSES, type ClaimStatus } from "../claims/schemas";
import type { DbTx } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { parseInput } from "../validation";
import { QUEUE_PAGE_SIZE, reviewQueueQuery } from "./schemas";

/**
 * What needs attention first: claims nobody has judged, then verdicts known to be out
 * of date, then disputed ones (worth a second look), then supported. Within a status,
 * the claim untouched for longest comes first.
 */
export const ATTENTION_ORDER: ClaimStatus[] = ["unreviewed", "stale", "disputed", "supported"];

const DAY_MS = 86_400_000;

export type QueueItem = {
  id: string; text: string; status: string; version: number; changedSinceVerdict: boolean; sourceChanged: boolean; updatedAt: string; lastReviewedAt: string | null;
  quote: string | null; sourceId: string; person: { id: string; name: string } | null;
};

/** The editors' queue: filtered, in attention order, paged, with counts per status. */
export async function reviewQueue(db: DbTx, query: unknown, now = new Date()) {
  const q = parseInput(reviewQueueQuery, query);
  const filter = await resolveClaimFilter(db, { person: q.person, source: q.source, changedSinceVerdict: q.changedSinceVerdict, sourceChanged: q.sourceChanged });
  const base: Prisma.ClaimWhereInput = claimWhere(filter);
  if (q.notReviewedDays) base.reviews = { none: { createdAt: { gte: new Date(now.getTime() - q.notReviewedDays * DAY_MS) } } };

  const grouped = await db.claim.groupBy({ by: ["status"], where: base, _count: { _all: true } });
  const counts = Object.fromEntries(CLAIM_STATUSES.map((s) => [s, grouped.find((g) => g.status === s)?._count._all ?? 0])) as Record<ClaimStatus, number>;
  const statuses = q.status ? [q.status] : ATTENTION_ORDER;
  const total = statuses.reduce((n, s) => n + counts[s], 0);

  // Walk the statuses in attention order, skipping whole statuses before the page.
  let skip = (q.page - 1) * QUEUE_PAGE_SIZE;
  const rows = [];
  for (const status of statuses) {
    if (rows.length >= QUEUE_PAGE_SIZE) break;
    if (skip >= counts[status]) {
      skip -= counts[status];
      continue;
    }
    rows.push(
      ...(await db.claim.findMany({
        where: { ...base, status },
        orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
        skip,
        take: QUEUE_PAGE_SIZE - rows.length,
        select: {
          id: true, text: true, status: true, version: true, changedSinceVerdict: true, sourceChanged: true, updatedAt: true, sourceId: true,
          spans: { take: 1, orderBy: { start: "asc" }, select: { exact: true } },
          attribution: { select: { person: { select: { id: true, name: true } } } },
          reviews: { take: 1, orderBy: { createdAt: "desc" }, select: { createdAt: true } },
        },
      })),
    );
    skip = 0;
  }
  const items: QueueItem[] = rows.map((r) => ({
    id: r.id, text: r.text, status: r.status, version: r.version, changedSinceVerdict: r.changedSinceVerdict, sourceChanged: r.sourceChanged, updatedAt: r.updatedAt.toISOString(),
    lastReviewedAt: r.reviews[0]?.createdAt.toISOString() ?? null, quote: r.spans[0]?.exact ?? null, sourceId: r.sourceId,
    person: r.attribution?.person ?? null,
  }));
  return { query: q, counts, total, items, pages: Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE)) };
}
