// The cache of rendered pages for anonymous readers, in front of Next's request handler
// (scripts/server.mjs). A hit is answered here without entering Next at all.
//  - What is cached: GET of a claim, source or person page, a list or the empty search
//    page (page-deps.mjs), by a reader with no session cookie and no token, and not
//    Next's client-side navigation (RSC) requests; only 200 HTML answers that set no cookie.
//  - Never stale: before every lookup the PageChange rows committed since the last one
//    are read and the pages they touch dropped; a page rendered while a write committed is
//    not kept when the write touches it (change-feed.mjs on SQLite; change-feed-pg.mjs
//    on PostgreSQL, a read of its own per lookup, shared by the lookups that arrive while
//    one is under way).
//  - Each answer gets its own CSP nonce: the cached page's nonce is replaced in the body
//    and headers.
//  - A search by an anonymous reader is answered here too, not from the cache: the
//    search runs and its results are put into the cached empty search page
//    (search-page.mjs).
//  - Bounded: VERBATIM_PAGE_CACHE_MB (default 512; 0 turns the cache off), least recently
//    used pages go first.
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { createChangeFeed } from "../lib/cache/change-feed.mjs";
import { createPgChangeFeed } from "../lib/cache/change-feed-pg.mjs";
import { PageCache } from "../lib/cache/page-cache.mjs";
import { cacheableRoute, pageDeps } from "../lib/cache/page-deps.mjs";
import { acceptsGzip, capture, entryOf, send } from "./page-answer.mjs";
import { SHELL_PATH, serveSearch } from "./search-page.mjs";

export const DEFAULT_CACHE_MB = 512;
/** PageChange rows are kept this long (seconds). */
const KEEP_CHANGES_SEC = 600;
// better-auth's cookies are all named verbatim.* (lib/auth/auth.ts cookiePrefix).
export const SIGNED_IN = /(?:^|;\s*)(?:__Secure-)?verbatim\./;
const NOT_FOR_CACHE = ["authorization", "rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-action"];

/** The cache's bound in bytes from VERBATIM_PAGE_CACHE_MB. */
export function cacheBytes(env = process.env) {
  const raw = env.VERBATIM_PAGE_CACHE_MB;
  const mb = raw === undefined || raw === "" ? DEFAULT_CACHE_MB : Number(raw);
  if (!Number.isFinite(mb) || mb < 0) throw new Error(`VERBATIM_PAGE_CACHE_MB must be a number of megabytes (got "${raw}")`);
  return Math.floor(mb * 1024 * 1024);
}

/** The SQLite file of DATABASE_URL (as lib/db-url.ts), or null for another engine. */
export function sqliteFile(env = process.env) {
  const url = env.DATABASE_URL || "file:./data/verbatim.db";
  return url.startsWith("file:") ? path.resolve(url.slice(5).split("?")[0]) : null;
}

/** DATABASE_URL when it names PostgreSQL (as lib/db-url.ts), else null. */
export function postgresUrl(env = process.env) {
  const url = env.DATABASE_URL ?? "";
  return /^postgres(?:ql)?:\/\//.test(url) ? url : null;
}

/** The change feed of the database: SQLite's read in place, PostgreSQL's on a connection of its own. */
async function openFeed({ dbFile, pgUrl }) {
  if (dbFile) {
    const db = new Database(dbFile, { fileMustExist: true });
    db.pragma("busy_timeout = 0"); // prune skips a busy minute instead of blocking requests
    return createChangeFeed(db);
  }
  return createPgChangeFeed(await reconnecting(pgUrl));
}

/**
 * A connection of its own for the feed, made again after a failed query (a restarted
 * server, a dropped connection): the failed read drops every page, and the next one
 * reconnects.
 */
export async function reconnecting(url) {
  const connect = async () => {
    const c = new pg.Client({ connectionString: url });
    c.on("error", () => {}); // an idle connection's error: the next query fails and reconnects
    await c.connect();
    return c;
  };
  let client = connect(); // a promise: queries waiting for a connection share it
  await client;
  return {
    async query(sql, params) {
      const current = client;
      let c = null;
      try {
        c = await current;
        return await c.query(sql, params);
      } catch (err) {
        if (client === current) {
          client = connect();
          client.catch(() => {}); // the next query reports it
        }
        c?.end().catch(() => {});
        throw err;
      }
    },
  };
}

/**
 * `fresh()` reads the feed and drops the pages it names; it resolves after a read that
 * began after the call. Calls made while a read is under way share the next one.
 */
function freshness(feed, cache) {
  let current = null;
  let next = null;
  const read = () => {
    current = new Promise((resolve) => resolve(feed.poll())).then(
      ({ all, tags }) => {
        if (all) cache.clear();
        else if (tags.size) cache.invalidate(tags);
      },
      (err) => {
        cache.clear(); // unknown what changed
        throw err;
      },
    ).finally(() => {
      current = null;
    });
    return current;
  };
  return () => {
    if (!current) return read();
    next ??= current.catch(() => {}).then(() => {
      next = null;
      return current ?? read();
    });
    return next;
  };
}

/**
 * The reader cache for the database (the SQLite file `dbFile`, or the PostgreSQL database
 * at `pgUrl`), or null when it is off (bound 0, or no change feed yet).
 * `serve(req, res, handle)` answers a cacheable request (from the cache, or through
 * `handle` and then kept) and returns false for any other request.
 */
export async function createReaderCache({ dbFile, pgUrl = null, maxBytes, log = console.warn }) {
  if (!maxBytes || !(dbFile || pgUrl)) return null;
  let feed;
  try {
    feed = await openFeed({ dbFile, pgUrl });
  } catch (err) {
    log(`Reader page cache off: ${err instanceof Error ? err.message : err}`);
    return null;
  }
  const cache = new PageCache({ maxBytes });
  /** Pages being rendered, with the readers waiting for them. */
  const rendering = new Map();
  const fresh = freshness(feed, cache);
  setInterval(() => {
    fresh()
      .then(() => feed.prune(Math.floor(Date.now() / 1000) - KEEP_CHANGES_SEC))
      .catch(() => {}); // busy or unreachable: next minute
  }, 60_000).unref();

  /**
   * Has Next render the page for `res`, keeps it unless a write touched it meanwhile,
   * and answers the readers that waited for it (with it when kept, else each rendering
   * for themselves). A render that ends without an answer (the reader went away) lets
   * its waiters render for themselves too.
   */
  function render(req, res, handle, key, route, gzip) {
    const seq = feed.position;
    let done = false;
    const release = (entry) => {
      const waiters = rendering.get(key) ?? [];
      rendering.delete(key);
      for (const w of waiters) {
        if (entry) send(w.res, entry, { gzip: w.gzip, state: "hit" });
        else render(w.req, w.res, handle, key, route, w.gzip);
      }
    };
    res.once("close", () => {
      if (!done) release(null);
    });
    delete req.headers["accept-encoding"]; // kept uncompressed; compressed per answer
    capture(res, async (status, headers, body) => {
      done = true;
      const entry = entryOf(status, headers, body);
      const type = headers.find(([k]) => k === "content-type")?.[1] ?? "";
      let kept = false;
      if (status === 200 && type.startsWith("text/html") && !headers.some(([k]) => k === "set-cookie")) {
        const deps = pageDeps(route, body.toString("utf8"));
        try {
          await fresh();
          if (!feed.changedSince(seq, deps)) kept = cache.set(key, entry, body.length, deps);
        } catch {
          // the feed could not be read: not kept
        }
      }
      send(res, { ...entry, nonce: null, parts: [body] }, { gzip, state: "miss" });
      release(kept ? entry : null);
    });
    handle(req, res);
  }

  /** Answers a cacheable request once the feed has been read: from the cache, or rendered and kept. */
  function lookup(req, res, handle, route, url, q) {
    const keyOf = (u) => [req.headers.host, req.headers["x-forwarded-host"], req.headers["x-forwarded-proto"], u].join("\n");
    const key = keyOf(url);
    const gzip = acceptsGzip(req.headers["accept-encoding"]);
    if (route.kind === "search" && q >= 0 && q < url.length - 1) {
      const shellKey = keyOf(SHELL_PATH);
      const seq = feed.position;
      const keepShell = (entry, bytes) => {
        const deps = pageDeps(route, "");
        fresh().then(
          () => !feed.changedSince(seq, deps) && cache.set(shellKey, entry, bytes, deps),
          () => {}, // the feed could not be read: not kept
        );
      };
      serveSearch({ req, res, handle, shell: cache.get(shellKey)?.value ?? null, keepShell, gzip });
      return;
    }
    const hit = cache.get(key);
    if (hit) {
      send(res, hit.value, { gzip, state: "hit" });
      return;
    }
    // A crowd arriving while the page renders waits for that one render.
    const waiting = rendering.get(key);
    if (waiting) waiting.push({ req, res, gzip });
    else {
      rendering.set(key, []);
      render(req, res, handle, key, route, gzip);
    }
  }

  return {
    cache,
    feed,
    serve(req, res, handle) {
      if (req.method !== "GET" || NOT_FOR_CACHE.some((h) => req.headers[h] !== undefined)) return false;
      if (SIGNED_IN.test(req.headers.cookie ?? "")) return false;
      const url = req.url ?? "/";
      const q = url.indexOf("?");
      if (q >= 0 && /(?:^|&)_rsc=/.test(url.slice(q + 1))) return false;
      const route = cacheableRoute(q < 0 ? url : url.slice(0, q));
      if (!route) return false;
      fresh().then(
        () => lookup(req, res, handle, route, url, q),
        () => handle(req, res), // the feed cannot be read: Next renders, nothing is kept
      );
      return true;
    },
  };
}
