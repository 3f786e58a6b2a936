import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { contentTypeOf, FORMAT_IDS, FORMATS, getFormat, isFormat } from "./formats";
import { seededClaim, seededClaims, TEST_CTX, trickyClaim, unknownClaim } from "./test-fixtures";

const all = () => [...seededClaims(), trickyClaim(), unknownClaim()];
const JSON_FORMATS = new Set(["csl-json", "claimreview", "annotation"]);

describe("format registry", () => {
  it("lists every format once, in FORMAT_IDS order", () => {
    expect(FORMATS.map((f) => f.id)).toEqual([...FORMAT_IDS]);
    expect(new Set(FORMAT_IDS).size).toBe(12);
    for (const f of FORMATS) {
      expect(f.contentType).toMatch(/^[a-z]+\/[a-z0-9.+-]+/);
      expect(f.extension).toMatch(/^[a-z]+$/);
    }
  });

  it("isFormat accepts the ids only", () => {
    for (const id of FORMAT_IDS) expect(isFormat(id)).toBe(true);
    for (const x of ["", "APA", "json", "bibtex ", null, 3, "__proto__", "toString"]) expect(isFormat(x)).toBe(false);
  });

  it("renders every available format for every claim", { timeout: 60_000 }, () => {
    for (const claim of all()) {
      for (const f of FORMATS) {
        if (!f.available(claim)) continue;
        const out = f.render(claim, TEST_CTX);
        expect(out, `${claim.id} ${f.id}`).not.toBe("");
        expect(out).toMatch(/[^\r\n](\r?\n)$/); // one final line end, as text files have (CRLF for RIS)
        expect(out).not.toMatch(/undefined|NaN|\[object Object\]/);
        if (JSON_FORMATS.has(f.id)) expect(() => JSON.parse(out) as unknown).not.toThrow();
      }
    }
  });

  it("says when a claim cannot be expressed: ClaimReview of an unreviewed claim is a 422", () => {
    const claimreview = getFormat("claimreview");
    const unreviewed = seededClaim("caspian-tcop-shelved");
    expect(claimreview.available(unreviewed)).toBe(false);
    expect(() => claimreview.render(unreviewed, TEST_CTX)).toThrow(AppError);
    try {
      claimreview.render(unreviewed, TEST_CTX);
    } catch (err) {
      expect((err as AppError).status).toBe(422);
    }
    // The seeds' reviews are demos: never a rating. A real review is.
    expect(claimreview.available(seededClaim("caspian-kazakhstan-reliant-on-cpc"))).toBe(false);
    expect(claimreview.available(trickyClaim())).toBe(true);
  });

  it("renders the citation styles as text by default and as HTML on request", () => {
    const apa = getFormat("apa");
    expect(apa.render(seededClaim("caspian-tcop-shelved"), TEST_CTX)).not.toContain("<");
    expect(apa.render(trickyClaim(), TEST_CTX, { html: true })).toMatch(/^<div [^>]*class="csl-entry">/);
    expect(contentTypeOf(apa)).toBe("text/plain; charset=utf-8");
    expect(contentTypeOf(apa, { html: true })).toBe("text/html; charset=utf-8");
    expect(contentTypeOf(getFormat("ris"), { html: true })).toBe(getFormat("ris").contentType);
  });

  it("keeps RIS records intact (ER  - with its space)", () => {
    const out = getFormat("ris").render(trickyClaim(), TEST_CTX);
    expect(out.endsWith("\r\nER  - \r\n")).toBe(true);
    for (const line of out.split("\r\n").filter(Boolean)) expect(line).toMatch(/^[A-Z][A-Z0-9] {2}- /);
  });

  it("CSL-JSON is a document (an array of items)", () => {
    const doc = JSON.parse(getFormat("csl-json").render(trickyClaim(), TEST_CTX)) as unknown[];
    expect(doc).toHaveLength(1);
  });
});
