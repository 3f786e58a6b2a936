import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listSourcesRoute, POST as postSource } from "@/app/api/sources/route";
import { sha256Hex } from "@/lib/sources/hash";
import { MAX_HTML_BYTES, MAX_SOURCE_BYTES } from "@/lib/sources/schemas";
import { createTestActor, jsonRequest, type TestActor } from "../support/actors";
import { freshDatabase, type TestDatabase, useAsAppDatabase } from "../support/database";

// POST /api/sources, called as Next calls it, on a real (unseeded) SQLite file.
let t: TestDatabase;
let editor: TestActor;
let reader: TestActor;
beforeAll(async () => {
  t = await freshDatabase({ seed: false });
  useAsAppDatabase(t);
  editor = await createTestActor(t.db, "editor");
  reader = await createTestActor(t.db, "reader");
});
afterAll(() => t.cleanup());

const URL_ = "http://verbatim.test/api/sources";
type Body = {
  source: { id: string; text?: string; sha256: string; title: string | null; publisher: string | null; author: string | null; language: string | null; publishedAt: string | null; length: number };
  created: boolean;
  metadataFromHtml?: string[];
  error?: { code: string; message: string };
};

async function post(body: unknown, headers: Record<string, string> = editor.auth) {
  const res = await postSource(jsonRequest(URL_, "POST", body, headers), undefined);
  return { status: res.status, location: res.headers.get("location"), body: (await res.json()) as Body };
}

const article = (body: string, head = "") =>
  `<!doctype html><html lang="en"><head>${head}</head><body><nav>Home · World · Sport</nav><article>${body}</article><footer>© 2024</footer></body></html>`;
const filler = "Ministers met on Tuesday to discuss the budget for the coming year in considerable detail. ".repeat(4).trim();

describe("POST /api/sources: errors are precise and write nothing", () => {
  const bigText = "a".repeat(MAX_SOURCE_BYTES + 1);
  const cases: { name: string; body: unknown; headers?: () => Record<string, string>; status: number; code: string; message?: RegExp }[] = [
    { name: "no credentials", body: { text: "x" }, headers: () => ({}), status: 401, code: "unauthorized" },
    { name: "a reader account", body: { text: "x" }, headers: () => reader.auth, status: 403, code: "forbidden" },
    { name: "an unknown token", body: { text: "x" }, headers: () => ({ authorization: "Bearer nope" }), status: 401, code: "unauthorized" },
    { name: "malformed JSON", body: '{"text": "x",', status: 400, code: "invalid_json" },
    { name: "both text and html", body: { text: "x", html: "<p>x</p>" }, status: 422, code: "unprocessable", message: /not both/ },
    { name: "neither text, html nor url", body: { title: "T" }, status: 422, code: "unprocessable", message: /or a url to fetch/ },
    { name: "empty text", body: { text: "" }, status: 422, code: "unprocessable", message: /text: must not be empty/ },
    { name: "whitespace-only text", body: { text: " \n\t " }, status: 422, code: "unprocessable", message: /more than whitespace/ },
    { name: "text that is not a string", body: { text: 42 }, status: 422, code: "unprocessable", message: /^Invalid input: text/ },
    { name: "a URL that is not http(s)", body: { text: "x", url: "javascript:alert(1)" }, status: 422, code: "unprocessable", message: /url/ },
    { name: "a malformed URL", body: { text: "x", url: "not a url" }, status: 422, code: "unprocessable", message: /url/ },
    { name: "an impossible published date", body: { text: "x", publishedAt: "2024-02-30" }, status: 422, code: "unprocessable", message: /publishedAt/ },
    { name: "a published date as a timestamp", body: { text: "x", publishedAt: "2024-02-03T10:00:00Z" }, status: 422, code: "unprocessable", message: /publishedAt/ },
    { name: "a retrieved time without an offset", body: { text: "x", retrievedAt: "2024-02-03 10:00" }, status: 422, code: "unprocessable", message: /retrievedAt/ },
    { name: "a bad language tag", body: { text: "x", language: "english!" }, status: 422, code: "unprocessable", message: /language/ },
    { name: "a chosen id (only seeds choose ids)", body: { text: "x", id: "my-id" }, status: 422, code: "unprocessable", message: /id/ },
    { name: "an unknown field", body: { text: "x", colour: "red" }, status: 422, code: "unprocessable", message: /colour/ },
    { name: "a NUL character", body: { text: "a\u0000b" }, status: 422, code: "unprocessable", message: /NUL/ },
    { name: "a lone surrogate", body: '{"text": "a\\ud800b"}', status: 422, code: "unprocessable", message: /surrogate/ },
    { name: "HTML with no readable text", body: { html: "<script>alert(1)</script><style>p{}</style>" }, status: 422, code: "unprocessable", message: /no readable text/ },
    { name: "text over the 2 MB limit", body: { text: bigText }, status: 413, code: "payload_too_large", message: /the limit is 2 MB/ },
    {
      name: "HTML whose extracted text is over 2 MB",
      body: { html: `<p>${bigText}</p>` },
      status: 413,
      code: "payload_too_large",
      message: /text extracted from the HTML .* the limit is 2 MB/,
    },
    {
      name: "HTML over the 6 MB limit",
      body: { html: `<p>${"b".repeat(MAX_HTML_BYTES + 1)}</p>` },
      status: 413,
      code: "payload_too_large",
      message: /The HTML .* the limit is 6 MB/,
    },
  ];

  it.each(cases)("$name → $status $code", async ({ body, headers, status, code, message }) => {
    const before = await t.db.source.count();
    const res = await post(body, headers ? headers() : editor.auth);
    expect(res.status).toBe(status);
    expect(res.body.error?.code).toBe(code);
    if (message) expect(res.body.error?.message).toMatch(message);
    expect(await t.db.source.count()).toBe(before);
  });

  it("a body that is not JSON → 400 naming the content type, and writes nothing", async () => {
    const before = await t.db.source.count();
    const req = new Request(URL_, { method: "POST", headers: { "content-type": "text/plain", ...editor.auth }, body: "just text" });
    const res = await postSource(req, undefined);
    expect(res.status).toBe(400);
    expect(((await res.json()) as Body).error).toMatchObject({ code: "bad_request", message: expect.stringMatching(/application\/json/) });
    expect(await t.db.source.count()).toBe(before);
  });
});

describe("POST /api/sources: adding", () => {
  it("stores pasted text exactly, hashed, and answers 201 with a Location", async () => {
    const text = "  The minister said: “We’ll\u00a0see.” — 👍🏽 cafe\u0301\r\nNext line.\n";
    const res = await post({ text, title: "Budget talks", publisher: "The Herald", publishedAt: "2024-11", retrievedAt: "2024-11-05T09:30:00+01:00", language: "en-GB", url: "https://example.org/a" });
    expect(res.status).toBe(201);
    expect(res.body.created).toBe(true);
    expect(res.location).toMatch(new RegExp(`^https?://[^/]+/api/sources/${res.body.source.id}$`));
    expect(res.body.source).toMatchObject({ title: "Budget talks", publisher: "The Herald", publishedAt: "2024-11", language: "en-GB", sha256: sha256Hex(text), length: Array.from(text).length });
    const row = await t.db.source.findUniqueOrThrow({ where: { id: res.body.source.id } });
    expect(row.text).toBe(text);
    expect(row.retrievedAt?.toISOString()).toBe("2024-11-05T08:30:00.000Z");
  });

  it("returns the existing source (200, same id) for the same text, writing no new row and keeping the first metadata", async () => {
    const text = "Dedup me: exactly these words.";
    const first = await post({ text, title: "First" });
    const before = await t.db.source.count();
    const again = await post({ text, title: "Second" });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body.created).toBe(false);
    expect(again.body.source.id).toBe(first.body.source.id);
    expect(again.body.source.title).toBe("First");
    expect(again.location).toMatch(new RegExp(`^https?://[^/]+/api/sources/${first.body.source.id}$`));
    expect(await t.db.source.count()).toBe(before);
    // The same words as HTML extract to the same text, so they find the same source too.
    const asHtml = await post({ html: `<p>${text}</p>` });
    expect(asHtml.status).toBe(200);
    expect(asHtml.body.source.id).toBe(first.body.source.id);
  });

  it("stores <script> in pasted text verbatim, as text", async () => {
    const text = `<script>alert("x")</script> <b>not bold</b> &amp; &lt;`;
    const res = await post({ text });
    expect(res.status).toBe(201);
    expect((await t.db.source.findUniqueOrThrow({ where: { id: res.body.source.id } })).text).toBe(text);
  });

  it("reduces an HTML page to its readable text, keeping NBSP and curly quotes, and fills omitted metadata from the page", async () => {
    const head = `<title>Talks stall</title><meta property="og:site_name" content="The Herald"><meta name="author" content="Jane Doe"><meta property="article:published_time" content="2024-12-03T23:30:00-05:00">`;
    const html = article(`<h2>Ministers\u00a0at odds</h2>\n  <p>“It’s  not\n over,” she said&nbsp;— twice. &lt;script&gt;x&lt;/script&gt;</p><script>track()</script><p>${filler}</p>`, head);
    const res = await post({ html, author: null, title: "My own title" });
    expect(res.status).toBe(201);
    const row = await t.db.source.findUniqueOrThrow({ where: { id: res.body.source.id } });
    expect(row.text).toBe(`Ministers\u00a0at odds\n\n“It’s not over,” she said\u00a0— twice. <script>x</script>\n\n${filler}`);
    expect(row.sha256).toBe(sha256Hex(row.text));
    // Given fields win, an explicit null stays unknown, omitted ones come from the page (the date as written there).
    expect(res.body.source).toMatchObject({ title: "My own title", author: null, publisher: "The Herald", language: "en", publishedAt: "2024-12-03" });
    expect(res.body.metadataFromHtml?.sort()).toEqual(["language", "publishedAt", "publisher"]);
  });

  it("lists the added sources with GET /api/sources", async () => {
    const res = await listSourcesRoute(new Request(URL_), undefined);
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: { id: string; claimCount: number }[] };
    expect(items.length).toBe(await t.db.source.count());
    expect(items.every((s) => s.claimCount === 0)).toBe(true);
  });
});
