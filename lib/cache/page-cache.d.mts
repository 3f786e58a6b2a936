export type PageCacheStats = { hits: number; misses: number; stored: number; evicted: number; invalidated: number; flushes: number };
export class PageCache<V = unknown> {
  constructor(options: { maxBytes: number });
  readonly maxBytes: number;
  readonly size: number;
  readonly bytes: number;
  stats: PageCacheStats;
  get(key: string): { value: V; size: number; tags: string[] } | undefined;
  set(key: string, value: V, bytes: number, deps: Iterable<string>): boolean;
  delete(key: string): boolean;
  invalidate(tags: Iterable<string>): number;
  clear(): number;
}
