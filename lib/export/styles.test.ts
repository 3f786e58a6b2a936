import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { plugins } from "@citation-js/core";
import { describe, expect, it } from "vitest";
import { getFormat } from "./formats";
import { formatStyle, STYLE_IDS, UNTITLED } from "./styles";
import { SHARED_DIR, seededClaim, seededClaims, TEST_CTX, trickyClaim, unknownClaim } from "./test-fixtures";
import { existsSync } from "node:fs";

const all = () => [...seededClaims(), trickyClaim(), unknownClaim()];
const YEAR = /\b(?:19|20)\d\d\b/;

describe("formatStyle", () => {
  // ~500 citeproc runs: slower than the default 5 s on a busy 2-core machine.
  it("renders every claim in every style, as text and as HTML", { timeout: 60_000 }, () => {
    for (const claim of all()) {
      for (const style of STYLE_IDS) {
        const text = formatStyle(claim, TEST_CTX, style);
        const html = formatStyle(claim, TEST_CTX, style, { html: true });
        expect(text, `${claim.id} ${style}`).not.toBe("");
        expect(text).not.toMatch(/undefined|NaN|\[object/);
        expect(text).not.toContain("\n");
        expect(html).toContain(`<div data-csl-entry-id="${claim.id}" class="csl-entry">`);
      }
    }
  });

  it("follows each style for a dated, titled newspaper article", () => {
    const claim = seededClaim("caspian-tcop-shelved");
    const title = "Russia’s Strategic Moves and Putin’s November Visit to Kazakhstan";
    expect(formatStyle(claim, TEST_CTX, "apa")).toBe(`${title}. (2024, December 3). The Caspian Post.`);
    expect(formatStyle(claim, TEST_CTX, "mla")).toBe(`“${title}.” The Caspian Post, 3 Dec. 2024.`);
    expect(formatStyle(claim, TEST_CTX, "chicago-author-date")).toBe(`The Caspian Post. 2024. “${title}.” December 3.`);
    expect(formatStyle(claim, TEST_CTX, "chicago-notes")).toBe(`The Caspian Post. “${title}.” December 3, 2024.`);
    expect(formatStyle(claim, TEST_CTX, "apa", { html: true })).toContain("<i>The Caspian Post</i>");
  });

  it("an untitled source: citeproc fed the CSL-JSON export prints what Verbatim prints, and MLA's in-text citation is not empty", () => {
    const claim = seededClaim("peskov-washington-contacts-interesting");
    // What a consumer gets: the exported CSL-JSON document, read back from its text.
    const exported = JSON.parse(getFormat("csl-json").render(claim, TEST_CTX)) as Record<string, unknown>[];
    formatStyle(claim, TEST_CTX, "apa"); // registers the bundled styles
    for (const style of ["apa", "mla"] as const) {
      const [entry] = plugins.output.format("bibliography", exported, { format: "text", template: `verbatim-${style}`, lang: "en-US", asEntryArray: true }) as [string, string][];
      expect(entry![1].trim(), style).toBe(formatStyle(claim, TEST_CTX, style));
    }
    const inText = plugins.output.format("citation", exported, { format: "text", template: "verbatim-mla", lang: "en-US" }) as string;
    expect(inText.trim()).toBe("(“[Untitled article]”)");
  });

  it("invents nothing for a source whose metadata is unknown", () => {
    for (const claim of [seededClaim("peskov-washington-contacts-interesting"), unknownClaim()]) {
      for (const style of STYLE_IDS) {
        const text = formatStyle(claim, TEST_CTX, style);
        expect(text, style).not.toMatch(YEAR);
        expect(text).not.toMatch(/https?:/);
        // The style guides' bracketed description of an untitled work, never a made-up title.
        expect(text).toContain(UNTITLED);
      }
    }
    expect(formatStyle(seededClaim("peskov-washington-contacts-interesting"), TEST_CTX, "apa")).toBe("[Untitled article]. (n.d.). RFE/RL.");
  });

  it("keeps authors, partial dates, accents, emoji and specials; HTML is escaped and linked", () => {
    const text = formatStyle(trickyClaim(), TEST_CTX, "apa");
    expect(text).toMatch(/^Müller, J\., & de la Cruz, A\. \(2025, November\)\. Zoë’s 2nd “Réforme” of 2025: \{50%\}/);
    expect(text).toContain("🎉");
    expect(text).toContain("https://news.example/articles/2025/réforme?id=5&lang=fr#top");
    const html = formatStyle(trickyClaim(), TEST_CTX, "apa", { html: true });
    expect(html).toContain("&lt;b&gt;*");
    expect(html).not.toContain("<b>*");
    expect(html).toContain('<a href="https://news.example/articles/2025/réforme?id=5&amp;lang=fr#top" rel="noopener noreferrer">');
  });

  it("escapes a hostile source URL and metadata in every HTML style (no attribute break-out)", () => {
    const base = trickyClaim();
    const url = `https://example.org/"autofocus/onfocus=alert(1)//'><script>alert(2)</script>`;
    const claim = { ...base, source: { ...base.source, url, title: `T"><img src=x onerror=alert(3)>`, author: `<svg onload=alert(4)>` } };
    for (const style of STYLE_IDS) {
      const html = formatStyle(claim, TEST_CTX, style, { html: true });
      const tags = [...html.matchAll(/<([a-z]+)([^>]*)>/g)];
      for (const [, name, attrs] of tags) {
        expect(["div", "span", "i", "b", "em", "strong", "sup", "sub", "a"], html).toContain(name);
        expect(attrs, html).not.toMatch(/\son[a-z]+=|autofocus|src=/i);
      }
      expect(html, style).not.toMatch(/<(script|img|svg)/i);
    }
  });

  it("registers the bundled styles and the en-US locale once", () => {
    formatStyle(trickyClaim(), TEST_CTX, "mla");
    const config = plugins.config.get("@csl");
    for (const style of STYLE_IDS) expect(config.styles.has(`verbatim-${style}`)).toBe(true);
    const locale = config.locales.get("en-US");
    expect(locale).toBe(readFileSync(path.join(import.meta.dirname, "csl", "locales-en-US.xml"), "utf8"));
  });
});

describe("bundled CSL files", () => {
  const files = ["apa.csl", "chicago-author-date.csl", "chicago-notes-bibliography.csl", "modern-language-association.csl", "locales-en-US.xml"];

  it("keep their licence notes", () => {
    for (const f of files) expect(readFileSync(path.join(import.meta.dirname, "csl", f), "utf8")).toContain('<rights license="http://creativecommons.org/licenses/by-sa/3.0/">');
  });

  // SHA256SUMS was written from ../shared/csl when the files were copied; where ../shared
  // is beside the clone, the files are compared with it directly too.
  it("are unchanged copies of the shared styles (SHA256SUMS; and ../shared/csl when present)", () => {
    const sums = new Map(
      readFileSync(path.join(import.meta.dirname, "csl", "SHA256SUMS"), "utf8").trim().split("\n").map((l) => l.split(/\s+/).reverse() as [string, string]),
    );
    for (const f of files) {
      const text = readFileSync(path.join(import.meta.dirname, "csl", f));
      expect(createHash("sha256").update(text).digest("hex"), f).toBe(sums.get(f));
      if (existsSync(path.join(SHARED_DIR, "csl"))) expect(text.equals(readFileSync(path.join(SHARED_DIR, "csl", f))), f).toBe(true);
    }
  });
});
