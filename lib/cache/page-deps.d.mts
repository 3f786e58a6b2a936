export type CacheRoute = { kind: "list" } | { kind: "search" } | { kind: "claim" | "source" | "person"; id: string };
export const TAG_SEPARATOR: string;
export function cacheableRoute(pathname: string): CacheRoute | null;
export function pageDeps(route: CacheRoute, html: string): Set<string>;
export function parseTags(tags: string): string[];
