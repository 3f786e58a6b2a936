// Reads the PageChange rows (written by triggers inside every writing transaction, see
// the page_changes migration) that are newer than the last ones read, and answers whether
// a page rendered since some point may already be out of date. The caller passes a
// better-sqlite3 connection; nothing here writes except prune().

import { parseTags } from "./page-deps.mjs";
import { createRecentChanges } from "./recent-changes.mjs";

/** More new rows than this at once (a bulk import): drop every page instead of reading them all. */
export const MAX_ROWS_PER_POLL = 10_000;

/**
 * @param {import("better-sqlite3").Database} db
 * @returns {{ seq: number, poll(): { all: boolean, tags: Set<string> }, changedSince(seq: number, deps: Set<string>): boolean, prune(olderThanSec: number): number }}
 */
export function createChangeFeed(db) {
  const prune = db.prepare(`DELETE FROM "PageChange" WHERE "at" < ? AND "seq" < (SELECT max("seq") FROM "PageChange")`);
  const since = db.prepare(`SELECT "seq", "tags" FROM "PageChange" WHERE "seq" >= ? ORDER BY "seq" LIMIT ${MAX_ROWS_PER_POLL + 2}`).raw();
  const latest = db.prepare(`SELECT max("seq") FROM "PageChange"`).raw();
  let last = latest.get()[0] ?? 0;
  // Tags of the rows read lately, by seq, for the race check of pages rendered meanwhile.
  const recent = createRecentChanges(last);

  return {
    get seq() {
      return last;
    },
    /** Where the feed has been read to, for changedSince (change-feed-pg.mjs has the same). */
    get position() {
      return last;
    },
    poll() {
      const rows = since.all(last);
      // The row read last is never pruned (prune keeps the newest): when it is gone, rows
      // after it may have been pruned unread, or the database was replaced.
      const gap = last > 0 && rows[0]?.[0] !== last;
      const fresh = last > 0 && !gap ? rows.slice(1) : rows;
      if (gap || fresh.length > MAX_ROWS_PER_POLL) {
        last = latest.get()[0] ?? 0;
        recent.forgetBefore(last);
        return { all: true, tags: new Set() };
      }
      const tags = new Set();
      for (const [seq, text] of fresh) {
        const rowTags = parseTags(text);
        for (const t of rowTags) tags.add(t);
        recent.add(seq, rowTags);
        last = seq;
      }
      return { all: tags.has("all"), tags };
    },
    /** Whether a row read after `seq` touches `deps` (true when rows after `seq` are no longer known). */
    changedSince: (seq, deps) => recent.changedSince(seq, deps),
    /** Deletes rows older than `olderThanSec` (Unix seconds), always keeping the newest. */
    prune(olderThanSec) {
      return prune.run(olderThanSec).changes;
    },
  };
}
