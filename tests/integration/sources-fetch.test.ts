import http from "node:http";
import { gunzipSync, gzipSync } from "node:zlib";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as postSource } from "@/app/api/sources/route";
import { GET as getArchive } from "@/app/sources/[id]/archive.warc.gz/route";
import { readWarc } from "@/lib/archive/read-warc";
import { createTestActor, jsonRequest, type TestActor } from "../support/actors";
import { freshDatabase, type TestDatabase, useAsAppDatabase } from "../support/database";
import { articlePage, type FixtureSite, startFixtureSite } from "../support/fixture-site";

// Adding a source by URL, against a local fixture site. 127.0.0.2 stands in for a public
// news site: the address guard is told it is public (everything else keeps the real
// rules), so a redirect from it to 127.0.0.1 shows the guard at work after a redirect.
vi.mock("@/lib/fetch/address-guard", async (importActual) => {
  const actual = await importActual<typeof import("@/lib/fetch/address-guard")>();
  return { ...actual, isNonPublicAddress: (a: string) => (a === "127.0.0.2" ? false : actual.isNonPublicAddress(a)) };
});

let t: TestDatabase;
let editor: TestActor;
let site: FixtureSite;
beforeAll(async () => {
  t = await freshDatabase({ seed: false });
  useAsAppDatabase(t);
  editor = await createTestActor(t.db, "editor");
  site = await startFixtureSite("127.0.0.2", ["127.0.0.1"]);
  const jsonLd = JSON.stringify({
    "@context": "https://schema.org",
    "@graph": [
      { "@type": "WebSite", name: "Not the article" },
      {
        "@type": "NewsArticle",
        headline: "Tokayev hosts Putin in Astana",
        datePublished: "2024-11-28T09:30:00+05:00",
        author: [{ "@type": "Person", name: "Aigerim Seitkali" }, { "@type": "Person", name: "John Smith" }],
        publisher: { "@type": "Organization", name: "The Times of Central Asia" },
        inLanguage: "en-GB",
      },
    ],
  });
  site.pages.set("/news/jsonld", {
    body: articlePage(
      [`Kremlin spokesman Dmitry Peskov said the talks were “substantive and frank.” The pipeline carries 80\u00a0percent of Kazakhstan’s oil exports — a figure officials confirmed.`, "Analysts said the visit sent a signal to the region's other capitals about Moscow's priorities."],
      `<title>Tokayev hosts Putin | TCA</title><meta property="og:title" content="OG title loses to JSON-LD"><script type="application/ld+json">${jsonLd}</script><link rel="canonical" href="/news/tokayev-putin">`,
    ),
    headers: { ETag: '"v1"' },
  });
  site.pages.set("/gzipped", {
    body: gzipSync(Buffer.from(articlePage(["A server that compresses though asked not to: the text is still read, and the archive keeps the gzip bytes it sent."]))),
    headers: { "Content-Encoding": "gzip" },
  });
  site.pages.set("/og", {
    body: articlePage(
      ["The Caspian Post reports citing The Times of Central Asia that the visit reshaped the security environment in the region and beyond, according to officials."],
      `<title>Plain title</title><meta property="og:title" content="Russia's Strategic Moves"><meta property="og:site_name" content="The Caspian Post"><meta property="article:published_time" content="2024-12-03"><meta name="author" content="Staff Reporter">`,
    ),
  });
  site.pages.set("/r1", { status: 302, body: "", headers: { Location: "/r2" } });
  site.pages.set("/r2", { status: 301, body: "", headers: { Location: `${site.origin}/news/jsonld` } });
  for (let i = 0; i < 7; i++) site.pages.set(`/loop${i}`, { status: 302, body: "", headers: { Location: `/loop${i + 1}` } });
  site.pages.set("/doc.pdf", { type: "application/pdf", body: Buffer.from("%PDF-1.7\n%âãÏÓ\n") });
  site.pages.set("/huge", { body: `<p>${"word ".repeat(1_400_000)}</p>` });
  site.pages.set("/to-loopback", { status: 302, body: "", headers: { Location: `http://127.0.0.1:${site.port}/news/jsonld` } });
  site.pages.set("/to-localhost", { status: 307, body: "", headers: { Location: `http://localhost:${site.port}/news/jsonld` } });
});
afterAll(async () => {
  await site.close();
  await t.cleanup();
});
beforeEach(() => {
  delete process.env.VERBATIM_FETCH_ALLOW_PRIVATE;
});

type Body = {
  source: { id: string; title: string | null; publisher: string | null; author: string | null; url: string | null; publishedAt: string | null; retrievedAt: string | null; language: string | null };
  created: boolean;
  archived: boolean;
  metadataOrigin?: Record<string, string>;
  error?: { code: string; message: string; details?: { reason?: string; status?: number } };
};
async function post(body: unknown) {
  const res = await postSource(jsonRequest("http://verbatim.test/api/sources", "POST", body, editor.auth), undefined);
  return { status: res.status, body: (await res.json()) as Body };
}
async function archiveOf(id: string) {
  const res = await getArchive(new Request(`http://verbatim.test/sources/${id}/archive.warc.gz`), { params: Promise.resolve({ id }) });
  return { status: res.status, type: res.headers.get("content-type"), bytes: new Uint8Array(await res.arrayBuffer()) };
}

describe("POST /api/sources {url}", () => {
  it("fetches an article, fills metadata from its JSON-LD with each field's origin, and archives the exchange as WARC", async () => {
    const { status, body } = await post({ url: `${site.origin}/r1` });
    expect(status).toBe(201);
    expect(body.source).toMatchObject({
      title: "Tokayev hosts Putin in Astana",
      publisher: "The Times of Central Asia",
      author: "Aigerim Seitkali; John Smith",
      publishedAt: "2024-11-28",
      language: "en-GB",
      url: `${site.origin}/news/tokayev-putin`,
    });
    expect(body.metadataOrigin).toMatchObject({ title: "json-ld", publisher: "json-ld", author: "json-ld", publishedAt: "json-ld", language: "json-ld", url: "canonical", retrievedAt: "fetch" });
    expect(body.archived).toBe(true);
    expect(Date.now() - Date.parse(body.source.retrievedAt!)).toBeLessThan(60_000);

    const archive = await archiveOf(body.source.id);
    expect(archive.status).toBe(200);
    expect(archive.type).toBe("application/gzip");
    const records = await readWarc(archive.bytes);
    expect(records.map((r) => `${r.type} ${r.targetUri ?? ""}`)).toEqual([
      "warcinfo ",
      `response ${site.origin}/r1`,
      `request ${site.origin}/r1`,
      `response ${site.origin}/r2`,
      `request ${site.origin}/r2`,
      `response ${site.origin}/news/jsonld`,
      `request ${site.origin}/news/jsonld`,
    ]);
    const page = records[5]!;
    expect(page.statusline).toBe("HTTP/1.1 200 OK");
    expect(page.payloadDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(page.date).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(new TextDecoder().decode(page.payload)).toContain("substantive and frank");
    expect(records[1]!.statusline).toBe("HTTP/1.1 302 Found");

    const row = await t.db.sourceArchive.findUniqueOrThrow({ where: { sourceId: body.source.id } });
    expect(JSON.parse(row.redirects)).toEqual([
      { url: `${site.origin}/r1`, status: 302, location: `${site.origin}/r2` },
      { url: `${site.origin}/r2`, status: 301, location: `${site.origin}/news/jsonld` },
    ]);
    expect(row.etag).toBe('"v1"');
    const text = (await t.db.source.findUniqueOrThrow({ where: { id: body.source.id } })).text;
    expect(text).toContain("“substantive and frank.” The pipeline carries 80\u00a0percent of Kazakhstan’s oil exports — a figure");
  });

  it("reads OpenGraph and article:* tags when there is no JSON-LD; fields the editor gives win", async () => {
    const { status, body } = await post({ url: `${site.origin}/og`, author: null, language: "en" });
    expect(status).toBe(201);
    expect(body.source).toMatchObject({ title: "Russia's Strategic Moves", publisher: "The Caspian Post", publishedAt: "2024-12-03", author: null, language: "en", url: `${site.origin}/og` });
    expect(body.metadataOrigin).toEqual({ title: "opengraph", publisher: "opengraph", publishedAt: "article-meta", url: "fetch", retrievedAt: "fetch" });
  });

  it.each([
    ["a 404", "/missing", 422, "http-status", /404 Not Found/],
    ["a PDF", "/doc.pdf", 422, "not-html", /application\/pdf, not an HTML page/],
    ["an oversized page", "/huge", 413, "too-large", /limit/],
    ["more than 5 redirects", "/loop0", 422, "too-many-redirects", /more than 5 redirects/],
  ])("refuses %s with a clear 4xx and stores nothing", async (_name, path, status, reason, message) => {
    const before = await t.db.source.count();
    const res = await post({ url: `${site.origin}${path}` });
    expect(res.status).toBe(status);
    expect(res.body.error?.details?.reason).toBe(reason);
    expect(res.body.error?.message).toMatch(message);
    expect(await t.db.source.count()).toBe(before);
  });

  it("reads a page compressed against its request, and archives the bytes as they came", async () => {
    const { status, body } = await post({ url: `${site.origin}/gzipped` });
    expect(status).toBe(201);
    const text = (await t.db.source.findUniqueOrThrow({ where: { id: body.source.id } })).text;
    expect(text).toContain("A server that compresses though asked not to");
    const [, response] = await readWarc((await archiveOf(body.source.id)).bytes);
    expect(gunzipSync(response!.payload).toString()).toContain("A server that compresses");
  });

  it("refuses an unreachable host and non-http schemes", async () => {
    const closed = await post({ url: "http://127.0.0.2:9/" });
    expect(closed.status).toBe(422);
    expect(closed.body.error?.details?.reason).toBe("unreachable");
    const ftp = await post({ url: "ftp://example.com/a" });
    expect(ftp.status).toBe(422);
  });

  it("refuses loopback and private addresses — directly, after DNS, and after a redirect — unless VERBATIM_FETCH_ALLOW_PRIVATE=1", async () => {
    for (const url of [`http://127.0.0.1:${site.port}/og`, `http://localhost:${site.port}/og`, `${site.origin}/to-loopback`, `${site.origin}/to-localhost`, "http://[::1]:9/", "http://169.254.169.254/latest/meta-data/"]) {
      const res = await post({ url });
      expect(res.status, url).toBe(422);
      expect(res.body.error?.details?.reason, url).toBe("private-address");
    }
    const served = site.requests.filter((r) => r.path === "/news/jsonld").length;
    process.env.VERBATIM_FETCH_ALLOW_PRIVATE = "1";
    const allowed = await post({ url: `${site.origin}/to-loopback` });
    expect(allowed.status).toBe(200); // the same article text as the first test: already stored
    expect(allowed.body.created).toBe(false);
    expect(site.requests.filter((r) => r.path === "/news/jsonld").length).toBe(served + 1);
    // A name (resolved through DNS, the connection pinned to the address checked) is fetched too.
    const byName = await post({ url: `http://localhost:${site.port}/og` });
    expect(byName.status).toBe(200);
  });

  it("gives up on a server that does not answer within VERBATIM_FETCH_TIMEOUT_MS", async () => {
    const silent = http.createServer((req, res) => {
      // /slow never answers; /trickle sends its headers and a little of the page, then stalls
      if (req.url === "/trickle") {
        res.writeHead(200, { "Content-Type": "text/html" });
        res.write("<p>The beginning of a page that never ends");
      }
    });
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.2", resolve));
    process.env.VERBATIM_FETCH_TIMEOUT_MS = "400";
    try {
      const started = Date.now();
      const res = await post({ url: `http://127.0.0.2:${(silent.address() as AddressInfo).port}/slow` });
      expect(res.status).toBe(422);
      expect(res.body.error?.details?.reason).toBe("timeout");
      expect(res.body.error?.message).toMatch(/did not answer within 0.4 s/);
      expect(Date.now() - started).toBeLessThan(5_000);
      const trickle = await post({ url: `http://127.0.0.2:${(silent.address() as AddressInfo).port}/trickle` });
      expect(trickle.status).toBe(422);
      expect(trickle.body.error?.details?.reason).toBe("timeout");
    } finally {
      delete process.env.VERBATIM_FETCH_TIMEOUT_MS;
      silent.closeAllConnections();
      silent.close();
    }
  });

  it("a pasted source has no archive, and says so", async () => {
    const { body } = await post({ text: "A pasted text with no archive." });
    const res = await archiveOf(body.source.id);
    expect(res.status).toBe(404);
    expect(JSON.parse(new TextDecoder().decode(res.bytes)).error.message).toMatch(/pasted, not fetched: it has no archived copy/);
  });
});
