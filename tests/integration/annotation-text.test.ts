import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as citeRoute } from "@/app/api/claims/[id]/cite/route";
import { GET as exportRoute } from "@/app/api/export/route";
import { GET as sourceTextRoute } from "@/app/sources/[id]/text/route";
import { freshDatabase, type TestDatabase, useAsAppDatabase } from "../support/database";

// W3C Web Annotation offsets count code points of Verbatim's stored text: that text is
// served at /sources/{id}/text, and every quote is recovered from it by slicing.
let t: TestDatabase;
beforeAll(async () => {
  t = await freshDatabase();
  useAsAppDatabase(t);
});
afterAll(() => t.cleanup());

const BASE = "http://verbatim.test";
type Target = { source: { id: string; type: string; format: string; language?: string }; selector: [{ exact: string }, { start: number; end: number }] };

async function served(url: string): Promise<Response> {
  const id = /\/sources\/([^/]+)\/text$/.exec(url)![1]!;
  return sourceTextRoute(new Request(url), { params: Promise.resolve({ id: decodeURIComponent(id) }) });
}

describe("/sources/{id}/text and the annotation that points into it", () => {
  it("serves exactly the stored characters as text/plain; every annotation quote is the slice its positions name", async () => {
    const claims = await t.db.claim.findMany({ select: { id: true, source: { select: { text: true, sha256: true, language: true } } } });
    expect(claims.length).toBeGreaterThan(50);
    for (const claim of claims) {
      const res = await citeRoute(new Request(`${BASE}/api/claims/${claim.id}/cite?format=annotation`), { params: Promise.resolve({ id: claim.id }) });
      const annotation = (await res.json()) as { target: Target | Target[] };
      for (const target of [annotation.target].flat()) {
        expect(target.source.type).toBe("Text");
        expect(target.source.format).toBe("text/plain");
        if (claim.source.language) expect(target.source.language).toBe(claim.source.language);
        const text = await served(target.source.id);
        expect(text.headers.get("content-type")).toBe("text/plain; charset=utf-8");
        expect(text.headers.get("etag")).toBe(`"${claim.source.sha256}"`);
        const body = await text.text();
        expect(body).toBe(claim.source.text);
        const [quote, position] = target.selector;
        expect(Array.from(body).slice(position.start, position.end).join("")).toBe(quote.exact);
      }
    }
  });

  it("an unknown source is a JSON 404", async () => {
    const res = await served(`${BASE}/sources/no-such-source/text`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("not_found");
  });

  it("the bulk AnnotationCollection names its last page, and the page its collection", async () => {
    const res = await exportRoute(new Request(`${BASE}/api/export?format=annotation&status=supported`), undefined);
    const collection = (await res.json()) as { id: string; last: string; first: { id: string; partOf: string } };
    expect(collection.last).toBe(collection.first.id);
    expect(collection.first.partOf).toBe(collection.id);
  });
});
