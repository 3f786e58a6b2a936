/** The search parameters a results page carries in its links. */
export type SearchParams = { q: string; status?: string; person?: string; source?: string; cursor?: string };

/** A /search URL with `changes` applied (undefined removes a parameter). A filter change starts again at page one. */
export function searchHref(current: SearchParams, changes: Partial<SearchParams>): string {
  const next: Partial<SearchParams> = { ...current, cursor: undefined, ...changes };
  const params = new URLSearchParams();
  for (const key of ["q", "status", "person", "source", "cursor"] as const) {
    const v = next[key];
    if (v) params.set(key, v);
  }
  return `/search?${params.toString()}`;
}
