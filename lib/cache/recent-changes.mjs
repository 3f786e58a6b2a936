// The changes a change feed has read lately, by the position they were read at, for the
// race check of a page rendered while writes commit: did anything read after the render
// began touch what the page shows? Shared by change-feed.mjs (SQLite: positions are seqs)
// and change-feed-pg.mjs (PostgreSQL: positions number the reads).

/** Changes remembered; older positions count as unknown (changed). */
const KEPT = 20_000;

/** @param {number} from the position before which nothing is known */
export function createRecentChanges(from) {
  /** [position, tags] in order of position. */
  let recent = [];
  let known = from;
  return {
    /** Records the tags of a change read at `position` (at least every earlier one). */
    add(position, tags) {
      recent.push([position, tags]);
      if (recent.length > KEPT) {
        const cut = recent.length - KEPT;
        known = recent[cut - 1][0];
        recent = recent.slice(cut);
      }
    },
    /** Forgets every change: nothing before `position` is known any more. */
    forgetBefore(position) {
      recent = [];
      known = position;
    },
    /** Whether a change read after `position` touches `deps` (true when those are no longer known). */
    changedSince(position, deps) {
      if (position < known) return true;
      for (let i = recent.length - 1; i >= 0 && recent[i][0] > position; i--) {
        for (const t of recent[i][1]) if (t === "all" || deps.has(t)) return true;
      }
      return false;
    },
  };
}
