import { describe, expect, it } from "vitest";
import { decodeHtml } from "./decode-html";

describe("decodeHtml", () => {
  it("uses the Content-Type charset", () => {
    expect(decodeHtml(Buffer.from([0x63, 0x61, 0x66, 0xe9]), "text/html; charset=ISO-8859-1")).toBe("café");
  });
  it("falls back to a <meta charset> prescan, then UTF-8", () => {
    const latin = Buffer.concat([Buffer.from('<meta charset="windows-1252"><p>'), Buffer.from([0x93, 0x68, 0x69, 0x94])]);
    expect(decodeHtml(latin, "text/html")).toBe("<meta charset=\"windows-1252\"><p>\u201chi\u201d");
    expect(decodeHtml(Buffer.from("Toqaev’s\u00a0“detials” — 🇰🇿"), "text/html")).toBe("Toqaev’s\u00a0“detials” — 🇰🇿");
  });
  it("honours a byte order mark and survives an unknown label", () => {
    expect(decodeHtml(Buffer.from("\ufeffabc"), "text/html; charset=latin1")).toBe("abc");
    expect(decodeHtml(Buffer.from("é"), "text/html; charset=no-such-charset")).toBe("é");
  });
});
