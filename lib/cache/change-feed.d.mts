import type { Database } from "better-sqlite3";
export const MAX_ROWS_PER_POLL: number;
export type ChangeFeed = {
  readonly seq: number;
  readonly position: number;
  poll(): { all: boolean; tags: Set<string> };
  changedSince(seq: number, deps: Set<string>): boolean;
  prune(olderThanSec: number): number;
};
export function createChangeFeed(db: Database): ChangeFeed;
