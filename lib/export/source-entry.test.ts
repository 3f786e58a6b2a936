import { Cite } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import { describe, expect, it } from "vitest";
import { cslErrors } from "./csl-validate";
import { biblatexSourceEntry, bibtexSourceEntry, risSourceRecord, toCslSourceItem } from "./source-entry";
import { seededClaims, TEST_CTX } from "./test-fixtures";

// Bulk exports hold one reference per source: a reference manager gets the article once.
const caspian = () => seededClaims().filter((c) => c.source.id === "caspian-post-putin-kazakhstan");

describe("one reference entry per source, every claim's quote kept", () => {
  it("CSL-JSON: keyed by the source, each claim's structured record and note inside, schema-valid", () => {
    const claims = caspian();
    expect(claims.length).toBeGreaterThan(10);
    const item = toCslSourceItem(claims, TEST_CTX);
    expect(item.id).toBe("caspian-post-putin-kazakhstan");
    expect(cslErrors([item])).toEqual([]);
    expect(item.custom.verbatim.claims.map((c) => c.claimId)).toEqual(claims.map((c) => c.id));
    for (const [i, c] of claims.entries()) {
      expect(item.custom.verbatim.claims[i]!.quotes.map((q) => q.exact)).toEqual(c.spans.map((s) => s.exact));
      for (const s of c.spans) expect(item.note).toContain(`“${s.exact}”`);
    }
    expect(item.note.split("\n")).toHaveLength(claims.length);
  });

  it("BibTeX, BibLaTeX and RIS: one entry or record for the source, one note per claim", () => {
    const claims = caspian();
    for (const out of [bibtexSourceEntry(claims, TEST_CTX), biblatexSourceEntry(claims, TEST_CTX)]) {
      const entries = new Cite(out).data as { id: string; note: string }[];
      expect(entries.map((e) => e.id)).toEqual(["caspian-post-putin-kazakhstan"]);
      expect(entries[0]!.note).toContain(`[${claims.length}] Quote:`);
    }
    const ris = risSourceRecord(claims, TEST_CTX);
    expect(ris.match(/^TY {2}- /gm)).toHaveLength(1);
    expect(ris.match(/^N1 {2}- \[\d+\] Quote: /gm)).toHaveLength(claims.length);
  });
});
