// The reader cache's change feed on PostgreSQL: the "PageFeed" rows (written by triggers
// inside every writing transaction, with that transaction's id; see the page_feed
// migration) committed since the last read, and whether a page rendered since some read
// may already be out of date. Same answers as change-feed.mjs on SQLite, asynchronously.
//
// Why not the last seq read, as on SQLite: sequence numbers are taken when rows are
// written, not when they commit, so a transaction can commit a lower seq after a higher
// one was read. Instead each read asks for the rows of every transaction that had not
// finished at the previous read — `xid >= xmin` of that read's snapshot, the oldest
// transaction still running then — and skips the rows it has seen already. A transaction
// below that xmin had finished, so its rows were visible to that read (or an earlier one).
//
// Positions: reads are numbered; a row is "after position p" when the read that first
// returned it came after read p. changedSince(p, deps) is what the cache asks of a page
// whose render began after read p.

import { parseTags } from "./page-deps.mjs";
import { createRecentChanges } from "./recent-changes.mjs";

/** More new rows than this at once (a bulk import): drop every page instead of reading them all. */
export const MAX_ROWS_PER_POLL = 10_000;
/**
 * Without a read for this long (the server was stopped or the database unreachable), rows
 * may have been pruned unread: every page is dropped. A running server reads at least
 * once a minute (reader-cache.mjs), and rows are pruned after ten.
 */
export const GAP_MS = 5 * 60_000;

const POLL_SQL = `SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS "xmin", f."seq"::text AS "seq", f."xid"::text AS "xid", f."tags"
  FROM (SELECT 1) one LEFT JOIN LATERAL (
    SELECT "seq", "xid", "tags" FROM "PageFeed" WHERE "xid" >= $1::xid8 ORDER BY "seq" LIMIT ${MAX_ROWS_PER_POLL + 1}
  ) f ON true`;

/**
 * @param {{ query: (sql: string, params?: unknown[]) => Promise<{ rows: any[] }> }} client a pg client of its own
 * @param {{ now?: () => number }} [options]
 */
export async function createPgChangeFeed(client, { now = Date.now } = {}) {
  // Fails when the database has no feed yet (not migrated): the cache stays off.
  const first = await client.query(`SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS "xmin" FROM (SELECT count(*) FROM "PageFeed" WHERE false) x`);
  let xmin = BigInt(first.rows[0].xmin);
  /** Rows already read whose transaction may still be below the next xmin: seq → xid. */
  let seen = new Map();
  let position = 0;
  let lastRead = now();
  /** The tags each read returned, by position, for the race check of pages rendered meanwhile. */
  const recent = createRecentChanges(0);
  /** [time, xmin] of past reads: rows below an xmin seen ten minutes ago may be pruned. */
  const history = [];

  const forgetAll = (newXmin) => {
    xmin = newXmin;
    seen = new Map();
    recent.forgetBefore(position);
  };

  return {
    get position() {
      return position;
    },
    /** Reads the rows committed since the last read: which tags they touch, or `all`. */
    async poll() {
      const { rows } = await client.query(POLL_SQL, [xmin.toString()]);
      position++;
      const newXmin = BigInt(rows[0].xmin);
      const t = now();
      const gap = t - lastRead > GAP_MS;
      lastRead = t;
      if (!history.length || history[history.length - 1][0] <= t - 10_000) history.push([t, newXmin]); // one per 10 s
      while (history.length > 1 && history[1][0] <= t - 10 * 60_000) history.shift();
      const found = rows.filter((r) => r.seq !== null);
      if (gap || found.length > MAX_ROWS_PER_POLL) {
        forgetAll(newXmin > xmin ? newXmin : xmin);
        return { all: true, tags: new Set() };
      }
      const tags = new Set();
      for (const r of found) {
        if (seen.has(r.seq)) continue;
        seen.set(r.seq, BigInt(r.xid));
        for (const tag of parseTags(r.tags)) tags.add(tag);
      }
      if (newXmin > xmin) {
        xmin = newXmin;
        for (const [seq, xid] of seen) if (xid < xmin) seen.delete(seq);
      }
      if (tags.size) recent.add(position, tags);
      return { all: tags.has("all"), tags };
    },
    /** Whether a read after `since` returned rows touching `deps` (true when those reads are no longer known). */
    changedSince: (since, deps) => recent.changedSince(since, deps),
    /**
     * Deletes rows older than `olderThanSec` (Unix seconds) of transactions that had
     * finished ten minutes ago, when every server reading the feed has read them.
     */
    async prune(olderThanSec) {
      const old = history[0];
      if (!old || old[0] > now() - 10 * 60_000) return 0;
      const r = await client.query(`DELETE FROM "PageFeed" WHERE "xid" < $1::xid8 AND "at" < $2`, [old[1].toString(), olderThanSec]);
      return r.rowCount ?? 0;
    },
  };
}
