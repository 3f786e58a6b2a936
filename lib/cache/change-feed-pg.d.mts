export const MAX_ROWS_PER_POLL: number;
export const GAP_MS: number;
type Queryable = { query(sql: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[]; rowCount?: number | null }> };
export type PgChangeFeed = {
  readonly position: number;
  poll(): Promise<{ all: boolean; tags: Set<string> }>;
  changedSince(position: number, deps: Set<string>): boolean;
  prune(olderThanSec: number): Promise<number>;
};
export function createPgChangeFeed(client: Queryable, options?: { now?: () => number }): Promise<PgChangeFeed>;
