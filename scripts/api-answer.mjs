// GET /api/search answered before Next, as the reader's search page is (search-page.mjs).
// At four connections Next's handling of a request alone costs about what a search does
// (bench/RESULTS.md: an empty page's p95 is 33–44 ms on this 2-core VM). The answer is the
// route's own handler (lib/search/search-api.ts), called with the request, so its body,
// status and errors are the route's; the headers Next adds to every answer of the route
// (next.config.js's, Vary) are taken from Next's first answer, which also loads the
// handler. Until then, or if the handler fails outright, Next answers; and for a request
// with a verbatim.* cookie (signed in), as for pages, so that tests can compare the two.
import { acceptsGzip, capture, entryOf, send } from "./page-answer.mjs";
import { SIGNED_IN } from "./reader-cache.mjs";

export const SEARCH_API_PATH = "/api/search";

/** Headers of one answer, not of the route: the handler's own and the connection's. */
const PER_ANSWER = new Set(["content-type", "retry-after", "content-length", "transfer-encoding", "connection", "keep-alive", "date", "content-encoding", "x-verbatim-cache", "set-cookie"]);

/** A server's answerer of GET /api/search: `serve(req, res, handle)` is true when it took the request. */
export function searchApiAnswerer() {
  /** @type {[string, string][] | null} */
  let routeHeaders = null;

  /**
   * The request as the handler takes it: it reads only the query (the browser test compares
   * its answers with Next's), so the request carries nothing else — not the client's Host,
   * whatever that holds.
   * @param {import("node:http").IncomingMessage} req
   */
  const requestOf = (req) => new Request(`http://localhost${req.url}`);

  return {
    serve(req, res, handle) {
      if (req.method !== "GET" || (req.url ?? "").split("?")[0] !== SEARCH_API_PATH) return false;
      const signedIn = SIGNED_IN.test(req.headers.cookie ?? "");
      if (signedIn && routeHeaders) return false;
      const gzip = acceptsGzip(req.headers["accept-encoding"]);
      const api = globalThis.verbatimSearchApi;
      if (signedIn || !api || !routeHeaders) {
        // Next answers, and its answer teaches the route's headers (the warm-up's, signed in as
        // "verbatim.warm-up", usually).
        delete req.headers["accept-encoding"]; // compressed by send() like every answer here
        capture(res, (status, headers, body) => {
          if (status < 500) routeHeaders ??= headers.filter(([k]) => !PER_ANSWER.has(k));
          send(res, entryOf(status, headers, body), { gzip, state: "next" });
        });
        handle(req, res);
        return true;
      }
      const headers = routeHeaders;
      Promise.resolve()
        .then(() => api(requestOf(req)))
        .then(async (response) => ({
          status: response.status,
          own: [...response.headers].filter(([k]) => k !== "content-length"),
          body: Buffer.from(await response.arrayBuffer()),
        }))
        .then(
          ({ status, own, body }) => send(res, { status, headers: [...headers, ...own], parts: [body], nonce: null }, { gzip, state: "api" }),
          () => handle(req, res), // the handler failed outright: Next answers
        )
        .catch((err) => {
          console.error(err);
          res.destroy();
        });
      return true;
    },
  };
}
