import { describe, expect, it } from "vitest";
import { EDGE_WORDS, encodeTerm, MAX_EXACT_LENGTH, normaliseWhitespace, textDirective, withTextFragment } from "./text-fragment";

/** The terms of a directive, decoded, as a browser reads them. */
function terms(directive: string): string[] {
  expect(directive.startsWith("text=")).toBe(true);
  return directive.slice("text=".length).split(",").map(decodeURIComponent);
}

describe("encodeTerm", () => {
  it("percent-encodes the directive's syntax characters - , & and spaces", () => {
    expect(encodeTerm("a-b, c & d")).toBe("a%2Db%2C%20c%20%26%20d");
  });

  it("encodes curly quotes, dashes and other non-ASCII as UTF-8, and decodes back exactly", () => {
    const s = "Kazakhstan’s “response” — 80 % (CPC)";
    const encoded = encodeTerm(s);
    expect(encoded).toContain("%E2%80%99"); // ’
    expect(encoded).toContain("%E2%80%9C"); // “
    expect(encoded).toContain("%E2%80%94"); // —
    expect(encoded).not.toMatch(/[\s,&\-’“”—]/u);
    expect(decodeURIComponent(encoded)).toBe(s);
  });

  it("encodes characters beyond the BMP (an emoji is one code point, four UTF-8 bytes)", () => {
    expect(encodeTerm("ok 🙂")).toBe("ok%20%F0%9F%99%82");
  });
});

describe("textDirective", () => {
  it("sends a short quote whole, with its characters kept and whitespace normalised", () => {
    expect(textDirective({ exact: "did not elaborate on the detials" })).toBe("text=did%20not%20elaborate%20on%20the%20detials");
    // NBSP and runs of spaces are matched by browsers as one space.
    expect(terms(textDirective({ exact: "sovereignty.\u00a0 Its  response —" })!)).toEqual(["sovereignty. Its response —"]);
    expect(terms(textDirective({ exact: "  padded\tquote " })!)).toEqual(["padded quote"]);
  });

  it("keeps hyphens and commas inside the quote as one encoded term", () => {
    const d = textDirective({ exact: "Qasym-Zhomart Toqaev, the president" })!;
    expect(d).toBe("text=Qasym%2DZhomart%20Toqaev%2C%20the%20president");
    expect(terms(d)).toEqual(["Qasym-Zhomart Toqaev, the president"]);
  });

  it("sends a quote longer than the limit as textStart,textEnd of whole words", () => {
    const words = Array.from({ length: 80 }, (_, i) => `word${i}`);
    const exact = words.join(" ");
    expect(exact.length).toBeGreaterThan(MAX_EXACT_LENGTH);
    expect(terms(textDirective({ exact })!)).toEqual([words.slice(0, EDGE_WORDS).join(" "), words.slice(-EDGE_WORDS).join(" ")]);
    // Exactly at the limit it is still whole.
    const atLimit = "a".repeat(MAX_EXACT_LENGTH - 2) + " b";
    expect(terms(textDirective({ exact: atLimit })!)).toEqual([atLimit]);
  });

  it("counts the limit in code points, and keeps a long quote with too few words whole", () => {
    const emoji = "🙂".repeat(MAX_EXACT_LENGTH); // 600 UTF-16 units, 300 code points
    expect(terms(textDirective({ exact: emoji })!)).toEqual([emoji]);
    const unspaced = "長".repeat(MAX_EXACT_LENGTH + 50);
    expect(terms(textDirective({ exact: unspaced })!)).toEqual([unspaced]);
  });

  it("uses only the first paragraph of a multi-paragraph quote (a term cannot cross blocks)", () => {
    const exact = "First paragraph ends here.\n\nSecond paragraph starts here.";
    expect(terms(textDirective({ exact })!)).toEqual(["First paragraph ends here."]);
    expect(terms(textDirective({ exact: "One line.\r\nNext line." })!)).toEqual(["One line."]);
    // ...and a long first paragraph still becomes start,end.
    const long = `${Array.from({ length: 100 }, (_, i) => `w${i}`).join(" ")}\nrest`;
    expect(terms(textDirective({ exact: long })!)).toEqual(["w0 w1 w2 w3 w4", "w95 w96 w97 w98 w99"]);
  });

  it("adds prefix-, and ,-suffix from the span's context, trimmed to whole words on the same line", () => {
    const d = textDirective({ exact: "the CPC", prefix: "ails of the talks surrounding ", suffix: ". Kazakhstan relies on the pipel" })!;
    expect(d).toBe("text=of%20the%20talks%20surrounding-,the%20CPC,-.%20Kazakhstan%20relies%20on%20the");
    // The prefix and suffix markers are the only unencoded hyphens.
    expect(d.match(/-/g)).toHaveLength(2);
  });

  it("stops the context at line breaks, and leaves it out when nothing is left", () => {
    expect(textDirective({ exact: "Quote", prefix: "previous paragraph.\n\nOn this ", suffix: " then\nnext paragraph" })).toBe(
      "text=On%20this-,Quote,-then",
    );
    // The quote starts its paragraph and ends it: no context to send.
    expect(textDirective({ exact: "Quote", prefix: "previous paragraph.\n", suffix: "\nnext" })).toBe("text=Quote");
    // A prefix that is one partial word.
    expect(textDirective({ exact: "Quote", prefix: "xyz", suffix: "abc" })).toBe("text=Quote");
  });

  it("drops the suffix when the directive does not end where the quote ends", () => {
    const d = textDirective({ exact: "First para.\nSecond para.", prefix: "ext before: ", suffix: " after the quote" })!;
    expect(terms(d)).toEqual(["before:-", "First para."]);
    const startsOnNewLine = textDirective({ exact: "\nFirst para.", prefix: "Other paragraph " })!;
    expect(terms(startsOnNewLine)).toEqual(["First para."]);
  });

  it("encodes - , & inside prefix and suffix so they cannot be misread as syntax", () => {
    const d = textDirective({ exact: "q", prefix: "ee see A-B, C & ", suffix: " x-y, z & w" })!;
    expect(d).toBe("text=see%20A%2DB%2C%20C%20%26-,q,-x%2Dy%2C%20z%20%26");
  });

  it("can leave the context out", () => {
    expect(textDirective({ exact: "the CPC", prefix: "around the ", suffix: " pipeline is" }, { context: false })).toBe("text=the%20CPC");
  });

  it("gives nothing for a quote without visible text", () => {
    expect(textDirective({ exact: " \n\u00a0" })).toBeNull();
    expect(normaliseWhitespace("\u00a0a \n b\u2003")).toBe("a b");
  });
});

describe("withTextFragment", () => {
  it("appends a fragment directive to the URL", () => {
    expect(withTextFragment("https://news.example/a?id=1", [{ exact: "the CPC" }])).toBe("https://news.example/a?id=1#:~:text=the%20CPC");
  });

  it("keeps an existing fragment and replaces an existing directive", () => {
    expect(withTextFragment("https://news.example/a#top", [{ exact: "x y" }])).toBe("https://news.example/a#top:~:text=x%20y");
    expect(withTextFragment("https://news.example/a#:~:text=old", [{ exact: "new" }])).toBe("https://news.example/a#:~:text=new");
    expect(withTextFragment("https://news.example/a#top:~:text=old&text=older", [{ exact: "new" }])).toBe("https://news.example/a#top:~:text=new");
  });

  it("joins one text directive per span with &", () => {
    expect(withTextFragment("https://n.example/", [{ exact: "first part" }, { exact: "second, part" }])).toBe(
      "https://n.example/#:~:text=first%20part&text=second%2C%20part",
    );
  });

  it("leaves the URL alone when there is nothing to point at", () => {
    expect(withTextFragment("https://n.example/", [])).toBe("https://n.example/");
    expect(withTextFragment("https://n.example/", [{ exact: "\n" }])).toBe("https://n.example/");
  });
});
