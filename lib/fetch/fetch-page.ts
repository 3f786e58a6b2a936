// Fetches one web page for the archive, on the server: http(s) only, a deadline, a size
// limit, at most 5 redirects (each recorded), non-public addresses refused after DNS and
// after every redirect (address-guard.ts). Every hop is kept exactly as exchanged — the
// request sent, the status line, headers and body bytes received — for the WARC file.
// Errors are AppErrors with a `reason` a client can act on.
import { lookup as dnsLookup } from "node:dns";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { AppError } from "../errors";
import { MAX_HTML_BYTES } from "../sources/limits";
import { allowPrivateFetch, isNonPublicAddress } from "./address-guard";

export const MAX_REDIRECTS = 5;
/** Time a whole fetch (all hops) may take: VERBATIM_FETCH_TIMEOUT_MS, default 15 s. */
export const fetchTimeoutMs = (): number => Number(process.env.VERBATIM_FETCH_TIMEOUT_MS) || 15_000;
export const USER_AGENT = "Verbatim/1.0 (fact-check archive; +https://github.com/verbatim)";

export type Exchange = {
  url: string;
  date: Date;
  request: { statusline: string; headers: [string, string][] };
  response: { statusline: string; status: number; headers: [string, string][]; body: Buffer };
  /** The address connected to. */
  ip: string | null;
};
export type Redirect = { url: string; status: number; location: string };
export type FetchedPage =
  | { notModified: true; exchanges: Exchange[]; redirects: Redirect[]; finalUrl: string }
  | { notModified: false; exchanges: Exchange[]; redirects: Redirect[]; finalUrl: string; status: number; contentType: string | null; body: Buffer; etag: string | null; lastModified: string | null };

export type FetchReason = "bad-url" | "private-address" | "unreachable" | "timeout" | "too-many-redirects" | "http-status" | "not-html" | "too-large";
const refuse = (reason: FetchReason, message: string, extra: Record<string, unknown> = {}) =>
  new AppError(reason === "too-large" ? "payload_too_large" : "unprocessable", message, { reason, ...extra });

function checkedUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw refuse("bad-url", `url: ${JSON.stringify(raw.slice(0, 200))} is not a URL.`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw refuse("bad-url", `url: only http and https pages can be fetched, not ${url.protocol}`);
  if (url.username || url.password) throw refuse("bad-url", "url: a URL with a user name or password is not fetched.");
  return url;
}

const privateRefusal = (host: string, address: string) =>
  refuse("private-address", `url: ${host} is a private, loopback or otherwise non-public address (${address}); Verbatim does not fetch from its own network.`, { address });

/** DNS lookup that refuses non-public answers; the connection uses the address it returns. */
const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, "", 4);
    const list = addresses as unknown as { address: string; family: number }[];
    const bad = allowPrivateFetch() ? undefined : list.find((a) => isNonPublicAddress(a.address));
    if (bad) return callback(privateRefusal(hostname, bad.address) as unknown as NodeJS.ErrnoException, "", 4);
    const first = list[0];
    if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: "ENOTFOUND" }), "", 4);
    if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: typeof list) => void)(null, list);
    callback(null, first.address, first.family);
  });
};

function pairs(raw: string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i]!, raw[i + 1]!]);
  return out;
}

function oneHop(url: URL, headers: Record<string, string>, signal: AbortSignal, maxBytes: number): Promise<Exchange> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host) && !allowPrivateFetch() && isNonPublicAddress(host)) return Promise.reject(privateRefusal(host, host));
  const sent: [string, string][] = [["Host", url.host], ...Object.entries(headers)];
  const path = `${url.pathname}${url.search}`;
  return new Promise((resolve, reject) => {
    const date = new Date();
    const req = (url.protocol === "https:" ? https : http).request(
      url,
      { method: "GET", headers: Object.fromEntries(sent), lookup: guardedLookup, signal, agent: false },
      (res) => {
        const length = Number(res.headers["content-length"]);
        const status = res.statusCode ?? 0;
        const isRedirect = status >= 300 && status < 400;
        if (!isRedirect && Number.isFinite(length) && length > maxBytes) {
          res.destroy();
          return reject(refuse("too-large", `url: the page is ${length} bytes; the limit is ${maxBytes}.`, { bytes: length, limit: maxBytes }));
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (c: Buffer) => {
          size += c.length;
          if (size > maxBytes) {
            res.destroy();
            reject(refuse("too-large", `url: the page is larger than the limit of ${maxBytes} bytes.`, { limit: maxBytes }));
          } else chunks.push(c);
        });
        res.on("error", (err) => reject(signal.aborted ? refuse("timeout", `url: ${url.host} did not finish sending the page within ${fetchTimeoutMs() / 1000} s.`) : refuse("unreachable", `url: the connection to ${url.host} broke (${err.message}).`)));
        res.on("end", () =>
          resolve({
            url: url.href,
            date,
            request: { statusline: `GET ${path} HTTP/1.1`, headers: sent },
            response: { statusline: `HTTP/${res.httpVersion} ${status} ${res.statusMessage ?? ""}`.trimEnd(), status, headers: pairs(res.rawHeaders), body: Buffer.concat(chunks) },
            ip: res.socket?.remoteAddress ?? null,
          }),
        );
      },
    );
    req.on("error", (err: NodeJS.ErrnoException) => {
      if (err instanceof AppError) return reject(err);
      if ((err as { cause?: unknown }).cause instanceof AppError) return reject((err as { cause: AppError }).cause);
      if (signal.aborted) return reject(refuse("timeout", `url: ${url.host} did not answer within ${fetchTimeoutMs() / 1000} s.`));
      reject(refuse("unreachable", `url: ${url.host} could not be reached (${err.code ?? err.message}).`, { code: err.code ?? null }));
    });
    req.end();
  });
}

/** A response header of one hop (`name` in lower case), or null. */
export const responseHeader = (e: Exchange, name: string) => e.response.headers.find(([k]) => k.toLowerCase() === name)?.[1] ?? null;
const HTML_TYPE = /^\s*(?:text\/html|application\/xhtml\+xml)\s*(?:;|$)/i;

/**
 * GETs `rawUrl`, following up to 5 redirects. `conditional` adds If-None-Match /
 * If-Modified-Since (a 304 answers `notModified`). Only an HTML page with a 2xx status is
 * returned; anything else is a 4xx AppError with `details.reason`.
 */
export async function fetchPage(rawUrl: string, opts: { conditional?: { etag?: string | null; lastModified?: string | null }; signal?: AbortSignal; maxBytes?: number } = {}): Promise<FetchedPage> {
  const maxBytes = opts.maxBytes ?? MAX_HTML_BYTES;
  const signal = AbortSignal.any([AbortSignal.timeout(fetchTimeoutMs()), ...(opts.signal ? [opts.signal] : [])]);
  const exchanges: Exchange[] = [];
  const redirects: Redirect[] = [];
  let url = checkedUrl(rawUrl);
  for (;;) {
    const headers: Record<string, string> = { "User-Agent": USER_AGENT, Accept: "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1", "Accept-Encoding": "identity", Connection: "close" };
    if (redirects.length === 0 && opts.conditional?.etag) headers["If-None-Match"] = opts.conditional.etag;
    if (redirects.length === 0 && opts.conditional?.lastModified) headers["If-Modified-Since"] = opts.conditional.lastModified;
    const ex = await oneHop(url, headers, signal, maxBytes);
    exchanges.push(ex);
    const status = ex.response.status;
    const location = responseHeader(ex, "location");
    if ([301, 302, 303, 307, 308].includes(status) && location !== null) {
      if (redirects.length >= MAX_REDIRECTS) throw refuse("too-many-redirects", `url: more than ${MAX_REDIRECTS} redirects; the last went to ${location}.`, { redirects });
      const next = checkedUrl(new URL(location, url).href);
      redirects.push({ url: url.href, status, location: next.href });
      url = next;
      continue;
    }
    if (status === 304 && opts.conditional) return { notModified: true, exchanges, redirects, finalUrl: url.href };
    if (status < 200 || status > 299) throw refuse("http-status", `url: the server answered ${ex.response.statusline.replace(/^HTTP\/\S+ /, "")}, not a page.`, { status, redirects });
    const contentType = responseHeader(ex, "content-type");
    if (contentType === null || !HTML_TYPE.test(contentType)) {
      throw refuse("not-html", `url: the server sent ${contentType ?? "no content type"}, not an HTML page; only articles (HTML) can be added by URL.`, { contentType });
    }
    return { notModified: false, exchanges, redirects, finalUrl: url.href, status, contentType, body: ex.response.body, etag: responseHeader(ex, "etag"), lastModified: responseHeader(ex, "last-modified") };
  }
}
