// The HTTP floor: a minimal node:http server that answers the benchmarked routes with
// the bare SQL of queries.ts serialized as JSON — no framework, no rendering. Run as a
// child process (`node --import tsx bench/floor-server.ts <db>`) so that it does not
// share an event loop with the load generator. Prints "FLOOR_READY <port>" when listening.
import { readFileSync } from "node:fs";
import { createServer, type ServerResponse } from "node:http";
import { FloorQueries } from "./queries";
import { SearchFloor } from "./search-bench";
import { SimilarFloor } from "./similar-bench";

const file = process.argv[2];
if (!file) {
  console.error("usage: floor-server.ts <db-file>");
  process.exit(2);
}
const q = new FloorQueries(file);
const searchFloor = new SearchFloor(file);
const similarFloor = new SimilarFloor(file);

function send(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(json) });
  res.end(json);
}

// The floors of the framework rows: the same bytes, with no framework.
const ICON = readFileSync(new URL("../app/icon.svg", import.meta.url));
const STATUS_HTML = "<!doctype html><html lang=\"en\"><title>Status · Verbatim</title><p>Verbatim is running.</p></html>";

const server = createServer((req, res) => {
  if (req.url === "/icon.svg") {
    res.writeHead(200, { "content-type": "image/svg+xml", "content-length": ICON.length });
    res.end(ICON);
    return;
  }
  if (req.url === "/status") {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": Buffer.byteLength(STATUS_HTML) });
    res.end(STATUS_HTML);
    return;
  }
  if (req.url?.startsWith("/api/search?") || req.url?.startsWith("/search?")) {
    const query = new URL(req.url, "http://127.0.0.1").searchParams.get("q") ?? "";
    searchFloor.search(query).then((body) => send(res, 200, body), (err: unknown) => send(res, 500, { error: String(err) }));
    return;
  }
  if (req.url?.startsWith("/api/similar?") || /^\/api\/claims\/[^/]+\/similar/.test(req.url ?? "")) {
    similarFloor.answer(req.url ?? "/").then((body) => send(res, body === null ? 404 : 200, body ?? { error: "not_found" }), (err: unknown) => send(res, 500, { error: String(err) }));
    return;
  }
  try {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const parts = url.pathname.split("/").filter(Boolean);
    let body: unknown = null;
    if (body === null && parts[0] === "claims" && parts.length === 2) body = q.claimDetail(decodeURIComponent(parts[1]!));
    else if (body === null && parts[0] === "sources" && parts.length === 2) body = q.sourceDetail(decodeURIComponent(parts[1]!));
    else if (body === null && parts[0] === "api" && parts[1] === "claims" && parts.length === 2) {
      const p = url.searchParams;
      body = q.listClaims({
        limit: Number(p.get("limit") ?? "20"),
        status: p.get("status") ?? undefined,
        cursor: p.get("cursor") ?? undefined,
      });
    }
    if (body === null) send(res, 404, { error: "not_found" });
    else send(res, 200, body);
  } catch (err) {
    send(res, 500, { error: String(err) });
  }
});

server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => {
  const addr = server.address();
  if (addr && typeof addr === "object") process.stdout.write(`FLOOR_READY ${addr.port}\n`);
});
const stop = (): void => {
  server.close();
  q.close();
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
process.on("disconnect", stop);
