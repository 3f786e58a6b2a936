import net from "node:net";
import { describe, expect, inject, it } from "vitest";

// GET /api/search is answered by the server in front of Next with the route's own handler
// (scripts/api-answer.mjs). Whatever answers, a client gets the same status, body and
// headers: a verbatim.* cookie has Next answer, for the comparison.
const baseURL = inject("baseURL");
const PER_CONNECTION = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length", "x-verbatim-cache"]);

type Answer = { status: number; state: string | null; body: string; headers: Record<string, string> };
async function get(pathname: string, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(`${baseURL}${pathname}`, { headers });
  const kept: Record<string, string> = {};
  for (const [k, v] of res.headers) if (!PER_CONNECTION.has(k)) kept[k] = v;
  return { status: res.status, state: res.headers.get("x-verbatim-cache"), body: await res.text(), headers: kept };
}
const byNext = (pathname: string, headers: Record<string, string> = {}) => get(pathname, { ...headers, cookie: "verbatim.bypass=1" });

describe("GET /api/search before Next", () => {
  it("answers as Next does: results, pages, filters and every error", async () => {
    // The server's warm-up asked Next once, so even a first anonymous request is answered here.
    const firstAnswer = await get("/api/search?q=pipeline&limit=1");
    expect(firstAnswer.state).toBe("api");
    const first = JSON.parse(firstAnswer.body) as { nextCursor: string | null };
    expect(first.nextCursor).not.toBeNull();
    const paths = [
      "/api/search?q=Tokayev",
      "/api/search?q=pipeline&limit=1",
      `/api/search?q=pipeline&limit=1&cursor=${encodeURIComponent(first.nextCursor!)}`,
      "/api/search?q=oil&status=supported",
      "/api/search?q=caf%C3%A9%20detials",
      "/api/search?q=nothing-matches-this-zzz",
      "/api/search?q=pipeline&q=oil",
      "/api/search?q=",
      "/api/search",
      "/api/search?q=oil&status=bogus",
      "/api/search?q=oil&cursor=not-a-cursor",
      "/api/search?q=oil&limit=0",
      `/api/search?q=${"a".repeat(600)}`,
    ];
    for (const path of paths) {
      const fast = await get(path);
      const next = await byNext(path);
      expect(fast.state, path).toBe("api");
      expect(next.state, path).toBeNull();
      expect({ path, status: fast.status, body: fast.body, headers: fast.headers }).toEqual({ path, status: next.status, body: next.body, headers: next.headers });
    }
  });

  it("compresses for a client that takes gzip, as Next does", async () => {
    const path = "/api/search?q=pipeline";
    const gzip = { "accept-encoding": "gzip" };
    const [fast, next] = [await get(path, gzip), await byNext(path, gzip)];
    expect(fast.state).toBe("api");
    expect(fast.headers["content-encoding"]).toBe("gzip");
    expect(fast).toEqual({ ...next, state: "api" });
  });

  it("answers a request whose Host no URL can hold, and keeps serving", async () => {
    const { hostname, port } = new URL(baseURL);
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(Number(port), hostname, () => socket.write("GET /api/search?q=oil HTTP/1.1\r\nHost: a b<>\r\nConnection: close\r\n\r\n"));
      let data = "";
      socket.on("data", (d) => (data += d.toString("utf8")));
      socket.on("end", () => resolve(data));
      socket.on("error", reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 (200|400) /);
    expect((await get("/api/search?q=oil")).status).toBe(200);
  });

  it("leaves other methods to the route", async () => {
    const res = await fetch(`${baseURL}/api/search?q=pipeline`, { method: "POST" });
    expect(res.status).toBe(405);
    expect(res.headers.get("x-verbatim-cache")).toBeNull();
  });
});
