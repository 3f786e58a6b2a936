// An anonymous reader's search, answered before Next (issue 17). A search is not
// cacheable (each query is its own page, and any write can change its results), and
// Next's handling of a page alone took most of the 50 ms a search page may take at four
// connections (bench/RESULTS.md). So the server answers it itself: the search runs in
// the search pool, its content is rendered as HTML (lib/render/search-html.ts, the same
// markup Next's page renders), and it is put into the shell — the empty search page as
// Next rendered it for anonymous readers, kept in the reader cache like any page (so a
// new deployment or a site-wide change renders it again). Each answer gets the shell's
// security headers with a nonce of its own.
//
// The code that searches and renders is the app's (lib/search/search-page.ts), loaded
// with the search page's code: the first search renders the shell through Next, which
// loads it. Anything unexpected — no shell, a shell that is not what it should be, an
// error — and Next renders the page as it would for anyone.
import { bodyWith, capture, entryOf, send } from "./page-answer.mjs";

/** The path the shell is rendered at (lib/search/search-shell.ts SHELL_PATH). */
export const SHELL_PATH = "/search";

const html = (entry) => (entry.nonce ? bodyWith(entry, entry.nonce) : entry.parts[0]).toString("utf8");

/**
 * Answers `req` (an anonymous GET of /search with a query) from `shell` (a cached entry,
 * or null) and keeps a newly rendered shell with `keepShell(entry, bytes)`.
 */
export function serveSearch({ req, res, handle, shell, keepShell, gzip }) {
  const original = { url: req.url, headers: { ...req.headers } };
  let handled = false;
  const byNext = () => {
    if (handled) {
      // Next handled this request once already, for the shell: it starts again from the
      // request as it came (Next's proxy rewrote its headers) on a response that has
      // Next's listeners of the first time.
      for (const k of Object.keys(req.headers)) delete req.headers[k];
      Object.assign(req.headers, original.headers);
      res.setMaxListeners(res.getMaxListeners() + 10);
    }
    req.url = original.url;
    handle(req, res);
  };
  const answerWith = (entry) => {
    const page = globalThis.verbatimSearchPage;
    if (!page) return byNext();
    page(original.url, html(entry)).then(
      (body) => (body === null ? byNext() : send(res, entryOf(entry.status, entry.headers, Buffer.from(body)), { gzip, state: "search" })),
      () => byNext(), // Next renders it, and shows its error page if it fails again
    );
  };
  if (shell && globalThis.verbatimSearchPage) return answerWith(shell);

  // No shell yet: Next renders the empty search page for this request; it is kept and
  // this reader's search is put into it.
  req.url = SHELL_PATH;
  delete req.headers["accept-encoding"];
  handled = true;
  capture(res, (status, headers, body) => {
    const type = headers.find(([k]) => k === "content-type")?.[1] ?? "";
    if (status !== 200 || !type.startsWith("text/html") || headers.some(([k]) => k === "set-cookie")) return byNext();
    const entry = entryOf(status, headers, body);
    keepShell(entry, body.length);
    answerWith(entry);
  });
  handle(req, res);
}
