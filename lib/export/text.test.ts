import { describe, expect, it } from "vitest";
import { toMarkdown, toPlainText } from "./text";
import { seededClaim, seededClaims, TEST_CTX, trickyClaim, unknownClaim } from "./test-fixtures";

const all = () => [...seededClaims(), trickyClaim(), unknownClaim()];

describe("plain-text citation", () => {
  it("quotes a person directly, with unknowns said to be unknown", () => {
    const claim = seededClaim("peskov-washington-contacts-interesting");
    expect(toPlainText(claim, TEST_CTX)).toBe(
      `Dmitry Peskov (Kremlin spokesman), quoted in RFE/RL, [Untitled article] (date unknown): “${claim.spans[0]!.exact}” — Verbatim claim https://verbatim.example/claims/peskov-washington-contacts-interesting (status: unreviewed)`,
    );
  });

  it("marks reported speech, the publication's own claims and titled, dated sources", () => {
    expect(toPlainText(seededClaim("peskov-cpc-uninterrupted-operations"), TEST_CTX)).toMatch(/^Dmitry Peskov \(Kremlin spokesman\), as reported by RFE\/RL, \[Untitled article\] \(date unknown\): “/);
    expect(toPlainText(seededClaim("caspian-cpc-closures-politically-motivated"), TEST_CTX)).toMatch(
      /^The Caspian Post, “Russia's Strategic Moves and Putin's November Visit to Kazakhstan” \(3 December 2024\): “periodic CPC closures .*” — Verbatim claim https:\/\/verbatim\.example\/claims\/caspian-cpc-closures-politically-motivated \(status: disputed\)$/,
    );
    expect(toPlainText(unknownClaim(), TEST_CTX)).toBe("An unknown publication, [Untitled article] (date unknown): “the price rose” — Verbatim claim https://verbatim.example/claims/unknown-claim (status: unreviewed)");
  });

  it("joins a multi-span quote with an ellipsis, on one line", () => {
    const claim = seededClaim("danieri-toqaev-more-firepower");
    const text = toPlainText(claim, TEST_CTX);
    expect(text).toContain(`“${claim.spans[0]!.exact} … ${claim.spans[1]!.exact}”`);
    for (const c of all()) expect(toPlainText(c, TEST_CTX)).not.toMatch(/[\r\n]/);
  });

  it("links the source when its URL is known", () => {
    expect(toPlainText(trickyClaim(), TEST_CTX)).toContain(" — source: https://news.example/articles/2025/réforme?id=5&lang=fr#top — Verbatim claim https://verbatim.example/claims/tricky-claim (status: supported)");
  });
});

describe("Markdown citation", () => {
  it("links the permalink", () => {
    const md = toMarkdown(seededClaim("peskov-washington-contacts-interesting"), TEST_CTX);
    expect(md).toMatch(/^Dmitry Peskov \(Kremlin spokesman\), quoted in RFE\/RL, \\\[Untitled article\\\] \(date unknown\): “.*” — \[Verbatim claim\]\(<https:\/\/verbatim\.example\/claims\/peskov-washington-contacts-interesting>\) \(status: unreviewed\)$/);
    for (const c of all()) expect(toMarkdown(c, TEST_CTX)).not.toMatch(/[\r\n]/);
  });

  it("escapes Markdown in the metadata and the quote", () => {
    const md = toMarkdown(trickyClaim(), TEST_CTX);
    expect(md).toContain("\\[draft\\] \\<b\\>\\*");
    expect(md).toContain("#1\\_x \\\\o/ \\~");
    expect(md).toContain("Le Monde \\& Co {Ltd} 📰");
    expect(md).toContain("[source](<https://news.example/articles/2025/réforme?id=5&lang=fr#top>)");
  });

  it("cannot turn into a heading or a list", () => {
    const base = unknownClaim();
    const heading = { ...base, source: { ...base.source, publisher: "#1 News" } };
    expect(toMarkdown(heading, TEST_CTX)).toMatch(/^\\#1 News, \\\[Untitled article\\\] \(date unknown\)/);
    const list = { ...base, source: { ...base.source, publisher: "1. Zeitung" } };
    expect(toMarkdown(list, TEST_CTX)).toMatch(/^1\\\. Zeitung/);
  });
});

describe("Markdown escapes what pandoc and CommonMark would interpret", () => {
  it("$…$ math, @citations, emphasis and brackets stay text", () => {
    const base = unknownClaim();
    const claim = { ...base, spans: [{ ...base.spans[0]!, exact: "costs $5 and $6 for @reuters *now* _here_ [sic]" }] };
    const md = toMarkdown(claim, TEST_CTX);
    expect(md).toContain("costs \\$5 and \\$6 for \\@reuters \\*now\\* \\_here\\_ \\[sic\\]");
    expect(md).not.toMatch(/(?<!\\)[$@]/);
  });
});
