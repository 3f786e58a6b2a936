import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ANNO_CONTEXT, toAnnotation, toAnnotationCollection, type WebAnnotation } from "./annotation";
import { seededClaim, seededClaims, TEST_CTX, trickyClaim, unknownClaim } from "./test-fixtures";
import { annotationSuite, WEB_ANNOTATION_DIR, type AnnotationSuite } from "./test-validators";
import type { ExportClaim } from "./types";

const all = () => [...seededClaims(), trickyClaim(), unknownClaim()];
const targets = (a: WebAnnotation) => (Array.isArray(a.target) ? a.target : [a.target]);

describe("W3C Web Annotation conformance (annotationMusts.test)", () => {
  let suite: AnnotationSuite;
  beforeAll(() => {
    suite = annotationSuite();
  });

  function samples(kind: "correct" | "incorrect"): { name: string; doc: unknown }[] {
    const dir = path.join(WEB_ANNOTATION_DIR, "samples", kind);
    return readdirSync(dir).map((name) => {
      const text = readFileSync(path.join(dir, name), "utf8");
      try {
        return { name, doc: JSON.parse(text) as unknown };
      } catch {
        return { name, doc: undefined }; // not JSON at all: an incorrect sample
      }
    });
  }

  /** Annotations of a sample; embedded ones get the collection's @context, as JSON-LD gives them. */
  function annotationsIn(doc: unknown): unknown[] {
    const d = doc as { type?: string; items?: unknown[]; first?: { items?: unknown[] } };
    if (d.type === "AnnotationCollection") return (d.first?.items ?? []).map((a) => ({ "@context": ANNO_CONTEXT, ...(a as object) }));
    if (d.type === "AnnotationPage") return (d.items ?? []).map((a) => ({ "@context": ANNO_CONTEXT, ...(a as object) }));
    return [doc];
  }

  // Three "correct" samples target a Composite, List or Independents resource: classes
  // dropped from the model before it became a Recommendation, which the suite's own
  // schemas (rightly) do not recognise. They fail that one assertion and nothing else.
  const RETIRED_TARGET_CLASSES = new Set(["http://example.org/anno11", "http://example.org/anno12", "http://example.org/anno13"]);

  it("the validator is real: every correct sample passes, every incorrect one fails", () => {
    expect(suite.musts.length).toBe(54);
    for (const { name, doc } of samples("correct")) {
      expect(doc, name).toBeDefined();
      for (const a of annotationsIn(doc)) {
        const expected = RETIRED_TARGET_CLASSES.has((a as { id: string }).id) ? ["annotations/3.2-targetObjectsRecognized.json"] : [];
        expect(suite.failures(a), name).toEqual(expected);
      }
      const type = (doc as { type: string }).type;
      if (type === "AnnotationCollection") expect(suite.collection(doc), name).toBe(true);
      if (type === "AnnotationPage") expect(suite.page(doc), name).toBe(true);
    }
    const incorrect = samples("incorrect");
    expect(incorrect.filter((x) => x.doc !== undefined).length).toBeGreaterThan(10);
    for (const { name, doc } of incorrect) {
      if (doc === undefined) continue; // not even JSON
      expect(suite.failures(doc), name).not.toEqual([]);
    }
  });

  it("formats are checked: an id that is not an IRI fails", () => {
    const a = toAnnotation(trickyClaim(), TEST_CTX);
    expect(suite.failures({ ...a, id: "not an iri" })).toContain("annotations/3.1-annotationIdValidated.json");
    expect(suite.failures({ ...a, created: "yesterday" })).toContain("annotations/3.3.1-annotationCreatedValidated.json");
  });

  it("every seeded claim's annotation, and the edge cases, pass every MUST", () => {
    for (const claim of all()) expect(suite.failures(toAnnotation(claim, TEST_CTX)), claim.id).toEqual([]);
  });

  it("the collection and its page conform, and so does every embedded annotation", () => {
    const collection = toAnnotationCollection(all(), TEST_CTX, { id: "https://verbatim.example/api/export?format=annotation", label: "Verbatim claims" });
    expect(suite.collection(collection)).toBe(true);
    expect(suite.page(collection.first)).toBe(true);
    expect(collection.total).toBe(all().length);
    for (const a of collection.first!.items) {
      expect(a).not.toHaveProperty("@context");
      expect(suite.failures({ "@context": ANNO_CONTEXT, ...a })).toEqual([]);
    }
    const empty = toAnnotationCollection([], TEST_CTX);
    expect(empty).not.toHaveProperty("first");
    expect(suite.collection(empty)).toBe(true);
  });
});

describe("toAnnotation", () => {
  it("targets each span by quote and by code-point position", () => {
    const claim = seededClaim("danieri-toqaev-more-firepower");
    const a = toAnnotation(claim, TEST_CTX);
    expect(a.id).toBe("https://verbatim.example/claims/danieri-toqaev-more-firepower");
    expect(Array.isArray(a.target)).toBe(true);
    expect(targets(a)).toHaveLength(2);
    targets(a).forEach((t, i) => {
      const s = claim.spans[i]!;
      // The source is Verbatim's stored text, which the offsets count in; no URL is known, so no scope.
      expect(t.source).toEqual({ id: "https://verbatim.example/sources/rferl-toqaev-moscow/text", type: "Text", format: "text/plain", language: "en" });
      expect(t).not.toHaveProperty("scope");
      expect(t.selector).toEqual([
        { type: "TextQuoteSelector", exact: s.exact, prefix: s.prefix, suffix: s.suffix },
        { type: "TextPositionSelector", start: s.start, end: s.end },
      ]);
      // No retrieval date: no TimeState rather than an invented one.
      expect(t).not.toHaveProperty("state");
    });
    expect(Array.isArray(toAnnotation(seededClaim("caspian-tcop-shelved"), TEST_CTX).target)).toBe(false);
  });

  it("assesses reviewed claims and only describes unreviewed ones", () => {
    const unreviewed = toAnnotation(seededClaim("caspian-tcop-shelved"), TEST_CTX);
    expect(unreviewed.motivation).toBe("describing");
    expect(unreviewed.body).toEqual([{ type: "TextualBody", value: seededClaim("caspian-tcop-shelved").text, format: "text/plain", purpose: "describing" }]);
    const stale = seededClaim("caspian-kazakhstan-reliant-on-cpc");
    const a = toAnnotation(stale, TEST_CTX);
    expect(a.motivation).toBe("assessing");
    expect(a.body[1]).toEqual({ type: "TextualBody", value: `Stale: ${stale.reviews.at(-1)!.rationale}`, format: "text/plain", purpose: "assessing" });
    expect(a.created).toBe(stale.createdAt);
    expect(a.modified).toBe(stale.updatedAt);
  });

  it("uses the source URL and a TimeState when they are known", () => {
    const a = toAnnotation(trickyClaim(), TEST_CTX);
    for (const t of targets(a)) {
      // The text is the source; the original page (its URI form: "é" percent-encoded) is the scope.
      expect(t.source).toEqual({ id: "https://verbatim.example/sources/tricky-source/text", type: "Text", format: "text/plain", language: "fr" });
      expect(t.scope).toBe("https://news.example/articles/2025/r%C3%A9forme?id=5&lang=fr#top");
      expect(t.state).toEqual({ type: "TimeState", sourceDate: "2025-12-01T08:15:30.000Z" });
    }
    // Offsets are code points: the emoji before the first quote counts once.
    const text = "Intro 🎉 line.\nJosé Müller said: “We will cut";
    expect(targets(a)[0]!.selector[1].start).toBe(Array.from(text).length - "We will cut".length);
  });

  it("gives no scope when the stored URL is not absolute, and no language when it is unknown", () => {
    const base = unknownClaim();
    const claim = { ...base, source: { ...base.source, url: "example.com/story" } };
    const [t] = targets(toAnnotation(claim, TEST_CTX));
    expect(t!.source).toEqual({ id: "https://verbatim.example/sources/unknown-source/text", type: "Text", format: "text/plain" });
    expect(t).not.toHaveProperty("scope");
  });

  it("a collection names its last page, and its page the collection it is part of", () => {
    const c = toAnnotationCollection([trickyClaim()], TEST_CTX, { id: "https://verbatim.example/api/export?format=annotation" });
    expect(c.last).toBe("https://verbatim.example/api/export?format=annotation#page-1");
    expect(c.first).toMatchObject({ id: c.last, partOf: c.id });
  });

  it("names the configured organisation as creator", () => {
    const ctx = { ...TEST_CTX, organization: { name: "Fact Desk", url: "https://factdesk.example" } };
    expect(toAnnotation(unknownClaim() satisfies ExportClaim, ctx).creator).toEqual({ type: "Organization", name: "Fact Desk", homepage: "https://factdesk.example" });
  });
});
