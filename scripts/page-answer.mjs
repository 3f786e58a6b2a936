// Answering a page from the server in front of Next (reader-cache.mjs, search-page.mjs):
// holding Next's answer instead of sending it, keeping it split around its CSP nonce,
// and sending it again with a nonce of its own.
import { randomBytes } from "node:crypto";
import zlib from "node:zlib";

const NOT_STORED = new Set(["content-length", "transfer-encoding", "connection", "keep-alive", "date", "etag", "content-encoding", "x-verbatim-cache"]);

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
export function entryOf(status, headers, body) {
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

/** A kept page's body with `nonce` where its own nonce was. */
export const bodyWith = (entry, nonce) => Buffer.concat(entry.parts.flatMap((p, i) => (i ? [Buffer.from(nonce), p] : [p])));

export function send(res, entry, { gzip, state }) {
  const nonce = entry.nonce ? randomBytes(16).toString("base64") : null;
  let body = nonce ? bodyWith(entry, nonce) : entry.parts[0];
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
export function capture(res, done) {
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

