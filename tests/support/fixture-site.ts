// A local HTTP server standing in for news sites in tests (the tests never reach the
// internet): article pages with JSON-LD or OpenGraph only, redirects, a 404, a PDF, an
// oversized page, and pages whose content a test can change (to make revisions).
import http from "node:http";
import type { AddressInfo } from "node:net";

export type Page = { status?: number; type?: string; body: string | Buffer; headers?: Record<string, string> };
export type FixtureSite = {
  origin: string;
  port: number;
  pages: Map<string, Page | ((req: http.IncomingMessage) => Page)>;
  requests: { path: string; headers: http.IncomingHttpHeaders }[];
  close: () => Promise<void>;
};

/** Serves on `host` (a random port), and on the same port of each `alsoOn` address. */
export async function startFixtureSite(host = "127.0.0.1", alsoOn: string[] = []): Promise<FixtureSite> {
  const pages: FixtureSite["pages"] = new Map();
  const requests: FixtureSite["requests"] = [];
  const handler: http.RequestListener = (req, res) => {
    requests.push({ path: req.url ?? "", headers: req.headers });
    const entry = pages.get(req.url ?? "");
    const page = typeof entry === "function" ? entry(req) : entry;
    if (!page) {
      res.writeHead(404, { "Content-Type": "text/html; charset=utf-8" }).end("<h1>Not found</h1>");
      return;
    }
    res.writeHead(page.status ?? 200, { "Content-Type": page.type ?? "text/html; charset=utf-8", ...page.headers });
    res.end(page.body);
  };
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const port = (server.address() as AddressInfo).port;
  const others = await Promise.all(
    alsoOn.map(
      (h) =>
        new Promise<http.Server>((resolve, reject) => {
          const other = http.createServer(handler);
          other.once("error", reject);
          other.listen(port, h, () => resolve(other));
        }),
    ),
  );
  return {
    origin: `http://${host}:${port}`,
    port,
    pages,
    requests,
    close: async () => {
      await Promise.all([server, ...others].map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
    },
  };
}

/** A news article page: `head` holds its metadata markup, `paragraphs` its text. */
export function articlePage(paragraphs: string[], head = "", lang = "en"): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">${head}</head><body><nav><a href="/">Home</a> · <a href="/world">World</a></nav><article><h1>Headline</h1>${paragraphs
    .map((p) => `<p>${p}</p>`)
    .join("")}</article><footer>© 2024 Example News</footer></body></html>`;
}
