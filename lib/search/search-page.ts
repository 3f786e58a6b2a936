// The search page's content for a query: the search run in the pool, rendered as HTML
// (lib/render/search-html.ts). Next's page (app/search/page.tsx) shows it to signed-in
// users; for anonymous readers the server in front of Next (scripts/search-page.mjs)
// answers with it directly, put into the page's own shell (search-shell.ts), without
// Next handling the request: what a reader gets is the same page either way.
import { getDb } from "../db";
import { AppError } from "../errors";
import { searchPageHtml, searchTitle } from "../render/search-html";
import { prepareSearch, type SearchResult } from "./search-claims";
import type { SearchParams } from "./search-href";
import { searchInPool } from "./search-pool";
import { composeSearchPage } from "./search-shell";

export type SearchPageAnswer = { title: string; html: string };

/** The page's parameters: the first value of each, empty as absent; the query trimmed. */
export function searchPageParams(first: (name: keyof SearchParams) => string | undefined): SearchParams {
  return {
    q: first("q")?.trim() ?? "",
    status: first("status") || undefined,
    person: first("person") || undefined,
    source: first("source") || undefined,
    cursor: first("cursor") || undefined,
  };
}

/** The page's title and content. A bad filter or cursor is shown on the page (as a form shows its error), not thrown. */
export async function searchPage(params: SearchParams): Promise<SearchPageAnswer> {
  let result: SearchResult | null = null;
  let error: string | null = null;
  if (params.q) {
    try {
      result = await searchInPool(await prepareSearch(getDb(), { ...params, limit: "20" }));
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== "bad_request") throw err;
      error = err.message;
    }
  }
  return { title: searchTitle(params.q), html: searchPageHtml({ params, result, error }) };
}

/**
 * The whole page for an anonymous reader at `url` (path and query), put into `shell` —
 * the empty search page as Next rendered it for anonymous readers — or null when the
 * shell is not what it should be (then Next answers).
 */
export async function searchPageForReader(url: string, shell: string): Promise<string | null> {
  const query = new URLSearchParams(url.includes("?") ? url.slice(url.indexOf("?") + 1) : "");
  const answer = await searchPage(searchPageParams((name) => query.get(name) ?? undefined));
  return composeSearchPage(shell, answer, url);
}

// The server in front of Next runs in this process and finds the function here once the
// search page's code has been loaded (by its first render, or the warm-up's).
(globalThis as { verbatimSearchPage?: typeof searchPageForReader }).verbatimSearchPage = searchPageForReader;
