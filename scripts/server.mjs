// The HTTP server in front of Next's request handler (`npm start` runs it). It does what
// must happen before any application code sees a request:
//  - the client's address is taken from the socket (or from X-Forwarded-For sent by a
//    proxy named in VERBATIM_TRUSTED_PROXIES) and passed on in one header the app trusts;
//    X-Forwarded-* from anyone else is dropped, so neither the rate limit nor permalinks
//    can be steered by a client;
//  - a body declared larger than the route accepts is refused (413) before it is read;
//  - a path with malformed percent-encoding is a 400, not an exception inside Next;
//  - an anonymous reader's claim, source, person or list page is answered from the cache
//    of rendered pages when it holds it (reader-cache.mjs);
//  - GET /api/search is answered by the route's own handler without Next's routing
//    (api-answer.mjs);
//  - before it listens, one page of each kind is rendered (warm-up.mjs).
import http from "node:http";
import next from "next";
import { searchApiAnswerer } from "./api-answer.mjs";
import { clientAddress, fromTrustedProxy, parseTrustedProxies } from "./client-address.mjs";
import { cacheBytes, createReaderCache, postgresUrl, sqliteFile } from "./reader-cache.mjs";
import { warmUp, warmUpPaths } from "./warm-up.mjs";

export const CLIENT_IP_HEADER = "x-verbatim-client-ip";
const MB = 1024 * 1024;
// better-auth and the sign-in forms take a few fields; everything else stops at the
// API's largest JSON body (lib/http/handle.ts MAX_JSON_BYTES).
const BODY_LIMITS = [
  [/^\/api\/(?:auth|session)(?:\/|$)/, 64 * 1024],
  [/^/, 8 * MB],
];

function args(argv) {
  const out = { port: Number(process.env.PORT || 3000), hostname: undefined };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "-p" || argv[i] === "--port") out.port = Number(argv[++i]);
    else if (argv[i] === "-H" || argv[i] === "--hostname") out.hostname = argv[++i];
  }
  return out;
}

function refuse(req, res, status, code, message) {
  const api = (req.url ?? "").startsWith("/api");
  const body = api
    ? JSON.stringify({ error: { code, message } })
    : `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${status} · Verbatim</title><body style="font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem"><main><h1>${status}</h1><p>${message}</p><p><a href="/">Back to the claims</a></p></main></body></html>`;
  res.writeHead(status, {
    "content-type": api ? "application/json" : "text/html; charset=utf-8",
    "content-length": Buffer.byteLength(body),
    "x-content-type-options": "nosniff",
    "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    connection: "close",
  });
  res.end(body);
  req.resume();
}

export async function startServer(argv = process.argv.slice(2)) {
  const { port, hostname } = args(argv);
  const trusted = parseTrustedProxies(process.env.VERBATIM_TRUSTED_PROXIES);
  const app = next({ dev: false, dir: new URL("..", import.meta.url).pathname, hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  // Route code reads CLIENT_IP_HEADER only when this server set it (same process).
  globalThis.verbatimClientIpHeader = CLIENT_IP_HEADER;
  const readers = await createReaderCache({ dbFile: sqliteFile(), pgUrl: postgresUrl(), maxBytes: cacheBytes() });
  // The status page shows the cache's figures (same process).
  globalThis.verbatimPageCache = readers?.cache;
  const searchApi = searchApiAnswerer();

  const server = http.createServer((req, res) => {
    const peer = req.socket.remoteAddress ?? "";
    const viaProxy = fromTrustedProxy(peer, trusted);
    req.headers[CLIENT_IP_HEADER] = clientAddress(peer, req.headers["x-forwarded-for"], trusted);
    if (!viaProxy) {
      for (const h of ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip", "forwarded"]) delete req.headers[h];
    }
    const path = (req.url ?? "/").split("?")[0];
    try {
      decodeURIComponent(path);
    } catch {
      return refuse(req, res, 400, "bad_request", "The address has malformed percent-encoding.");
    }
    const limit = BODY_LIMITS.find(([re]) => re.test(path))[1];
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > limit) return refuse(req, res, 413, "payload_too_large", `The body is larger than ${limit} bytes.`);
    if (searchApi.serve(req, res, handle)) return;
    if (readers?.serve(req, res, handle)) return;
    handle(req, res);
  });
  server.requestTimeout = 120_000;
  server.headersTimeout = 30_000;
  if (process.env.VERBATIM_WARM_UP !== "0") await warmUp(server, await warmUpPaths({ dbFile: sqliteFile(), pgUrl: postgresUrl() }));
  await new Promise((resolve) => server.listen(port, hostname, resolve));
  console.log(`Verbatim listening on http://${hostname ?? "localhost"}:${port}`);
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.once(signal, () => {
      server.close();
      server.closeAllConnections?.();
      process.exit(0);
    });
  }
  return server;
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) {
  startServer().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
