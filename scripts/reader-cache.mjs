// The cache of rendered pages for anonymous readers, in front of Next's request handler
// (scripts/server.mjs). A hit is answered here without entering Next at all.
//  - What is cached: GET of a claim, source or person page, or a list (page-deps.mjs), by
//    a reader with no session cookie and no token, and not Next's client-side navigation
//    (RSC) requests; only 200 HTML answers that set no cookie.
//  - Never stale: before every lookup the PageChange rows committed since the last one
//    are read and the pages they touch dropped; a page rendered while a write committed is
//    not kept when the write touches it (change-feed.mjs).
//  - Each answer gets its own CSP nonce: the cached page's nonce is replaced in the body
//    and headers.
//  - Bounded: VERBATIM_PAGE_CACHE_MB (default 512; 0 turns the cache off), least recently
//    used pages go first.
import { randomBytes } from "node:crypto";
import path from "node:path";
import zlib from "node:zlib";
import Database from "better-sqlite3";
import { createChangeFeed } from "../lib/cache/change-feed.mjs";
import { PageCache } from "../lib/cache/page-cache.mjs";
import { cacheableRoute, pageDeps } from "../lib/cache/page-deps.mjs";

export const DEFAULT_CACHE_MB = 512;
/** PageChange rows are kept this long (seconds). */
const KEEP_CHANGES_SEC = 600;
// better-auth's cookies are all named verbatim.* (lib/auth/auth.ts cookiePrefix).
const SIGNED_IN = /(?:^|;\s*)(?:__Secure-)?verbatim\./;
const NOT_FOR_CACHE = ["authorization", "rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-action"];
const NOT_STORED = new Set(["content-length", "transfer-encoding", "connection", "keep-alive", "date", "etag", "content-encoding", "x-verbatim-cache"]);

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

/** Whether the client takes gzip (a q of 0 refuses it). */
export function acceptsGzip(header) {
  return String(header ?? "")
    .split(",")
    .some((part) => {
      const [coding, ...params] = part.trim().toLowerCase().split(";");
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
      return (coding.trim() === "gzip" || coding.trim() === "*") && (!q || Number(q[1]) > 0);
    });
}

/** A page as kept: its headers and body split around the CSP nonce it was rendered with. */
function entryOf(status, headers, body) {
  const csp = headers.find(([k]) => k === "content-security-policy")?.[1] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1] ?? null;
  const parts = [];
  if (nonce) {
    const needle = Buffer.from(nonce);
    let from = 0;
    for (let at = body.indexOf(needle, from); at >= 0; at = body.indexOf(needle, from)) {
      parts.push(body.subarray(from, at));
      from = at + needle.length;
    }
    parts.push(body.subarray(from));
  } else parts.push(body);
  return { status, headers, parts, nonce };
}

function send(res, entry, { gzip, state }) {
  const nonce = entry.nonce ? randomBytes(16).toString("base64") : null;
  let body = nonce ? Buffer.concat(entry.parts.flatMap((p, i) => (i ? [Buffer.from(nonce), p] : [p]))) : entry.parts[0];
  const headers = {};
  for (const [k, v] of entry.headers) headers[k] = nonce ? v.split(entry.nonce).join(nonce) : v;
  if (gzip) {
    body = zlib.gzipSync(body, { level: 4 });
    headers["content-encoding"] = "gzip";
  }
  headers["content-length"] = String(body.length);
  headers["x-verbatim-cache"] = state;
  res.writeHead(entry.status, headers);
  res.end(body);
}

/**
 * Holds Next's answer instead of sending it: Next writes headers and body to `res` as
 * usual, and `done(status, headers, body)` gets them when it ends.
 */
function capture(res, done) {
  const chunks = [];
  const original = { write: res.write, end: res.end, writeHead: res.writeHead, flushHeaders: res.flushHeaders };
  const push = (chunk, encoding) => {
    if (chunk !== undefined && chunk !== null) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8"));
  };
  res.writeHead = function (status, reason, headers) {
    res.statusCode = status;
    const h = typeof reason === "string" ? headers : reason;
    if (Array.isArray(h)) for (let i = 0; i < h.length; i += 2) res.setHeader(h[i], h[i + 1]);
    else if (h) for (const [k, v] of Object.entries(h)) res.setHeader(k, v);
    return res;
  };
  res.flushHeaders = () => {};
  res.write = function (chunk, encoding, cb) {
    push(chunk, encoding);
    (typeof encoding === "function" ? encoding : cb)?.();
    return true;
  };
  res.end = function (chunk, encoding, cb) {
    if (typeof chunk === "function") [cb, chunk] = [chunk, undefined];
    else if (typeof encoding === "function") [cb, encoding] = [encoding, undefined];
    push(chunk, encoding);
    Object.assign(res, original);
    const headers = Object.entries(res.getHeaders())
      .filter(([k]) => !NOT_STORED.has(k))
      .map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : String(v)]);
    for (const name of res.getHeaderNames()) res.removeHeader(name);
    done(res.statusCode, headers, Buffer.concat(chunks));
    if (cb) res.once("finish", cb);
    return res;
  };
}

/**
 * The reader cache for the database at `dbFile`, or null when it is off (bound 0, or no
 * PageChange table yet). `serve(req, res, handle)` answers a cacheable request (from the
 * cache, or through `handle` and then kept) and returns false for any other request.
 */
export function createReaderCache({ dbFile, maxBytes, log = console.warn }) {
  if (!maxBytes || !dbFile) return null;
  let feed;
  try {
    const db = new Database(dbFile, { fileMustExist: true });
    db.pragma("busy_timeout = 0"); // prune skips a busy minute instead of blocking requests
    feed = createChangeFeed(db);
  } catch (err) {
    log(`Reader page cache off: ${err instanceof Error ? err.message : err}`);
    return null;
  }
  const cache = new PageCache({ maxBytes });
  /** Pages being rendered, with the readers waiting for them. */
  const rendering = new Map();
  const sync = () => {
    const { all, tags } = feed.poll();
    if (all) cache.clear();
    else if (tags.size) cache.invalidate(tags);
  };
  setInterval(() => {
    try {
      sync();
      feed.prune(Math.floor(Date.now() / 1000) - KEEP_CHANGES_SEC);
    } catch {
      // busy: next minute
    }
  }, 60_000).unref();

  /**
   * Has Next render the page for `res`, keeps it unless a write touched it meanwhile,
   * and answers the readers that waited for it (with it when kept, else each rendering
   * for themselves). A render that ends without an answer (the reader went away) lets
   * its waiters render for themselves too.
   */
  function render(req, res, handle, key, route, gzip) {
    const seq = feed.seq;
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
    capture(res, (status, headers, body) => {
      done = true;
      const entry = entryOf(status, headers, body);
      const type = headers.find(([k]) => k === "content-type")?.[1] ?? "";
      let kept = false;
      if (status === 200 && type.startsWith("text/html") && !headers.some(([k]) => k === "set-cookie")) {
        const deps = pageDeps(route, body.toString("utf8"));
        sync();
        if (!feed.changedSince(seq, deps)) kept = cache.set(key, entry, body.length, deps);
      }
      send(res, { ...entry, nonce: null, parts: [body] }, { gzip, state: "miss" });
      release(kept ? entry : null);
    });
    handle(req, res);
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
      sync();
      const key = [req.headers.host, req.headers["x-forwarded-host"], req.headers["x-forwarded-proto"], url].join("\n");
      const gzip = acceptsGzip(req.headers["accept-encoding"]);
      const hit = cache.get(key);
      if (hit) {
        send(res, hit.value, { gzip, state: "hit" });
        return true;
      }
      // A crowd arriving while the page renders waits for that one render.
      const waiting = rendering.get(key);
      if (waiting) waiting.push({ req, res, gzip });
      else {
        rendering.set(key, []);
        render(req, res, handle, key, route, gzip);
      }
      return true;
    },
  };
}
