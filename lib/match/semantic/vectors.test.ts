import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DIMENSIONS, encode, encodedText } from "./encoder";
import { cosine, pack, unpack, vectorKey } from "./vectors";

const unitVector = fc.array(fc.float({ min: -1, max: 1, noNaN: true }), { minLength: DIMENSIONS, maxLength: DIMENSIONS }).filter((a) => a.some((x) => Math.abs(x) > 0.01)).map((a) => {
  const n = Math.sqrt(a.reduce((s, x) => s + x * x, 0));
  return Float32Array.from(a, (x) => x / n);
});

describe("stored vectors", () => {
  it("a packed vector is 512 bytes and compares as the vector did, to within 0.02", () => {
    fc.assert(
      fc.property(unitVector, unitVector, (a, b) => {
        const pa = pack(a);
        expect(pa.byteLength).toBe(DIMENSIONS);
        expect(Math.abs(cosine(unpack(pa), unpack(pack(b))) - cosine(a, b))).toBeLessThan(0.02);
        expect(cosine(unpack(pa), a)).toBeGreaterThan(0.99);
      }),
      { numRuns: 100 },
    );
  });
  it("a zero vector is similar to nothing", () => {
    expect(cosine(new Float32Array(DIMENSIONS), Float32Array.from({ length: DIMENSIONS }, () => 1))).toBe(0);
  });
  it("the key names the model and the text as encoded: quotation marks do not count, words do", () => {
    const a = `The August 2019 Odessa shooter was "a Democrat Socialist who had a Beto sticker on his truck."`;
    const b = `The August 2019 Odessa shooter was 'a Democrat Socialist who had a Beto sticker on his truck.'`;
    expect(vectorKey(a)).toBe(vectorKey(b));
    expect(vectorKey(a)).toMatch(/^use-lite-1:[\w-]{22}$/);
    expect(vectorKey(a)).not.toBe(vectorKey(a.replace("2019", "2018")));
  });
});

describe("the encoded text", () => {
  it("keeps apostrophes inside words, drops quotation marks and links, makes curly quotes straight", () => {
    expect(encodedText("Kazakhstan’s “eternal friendship” — see https://example.com/x and 'this'")).toBe("Kazakhstan's eternal friendship — see and this");
    expect(encodedText("D'Anieri  said\u00a0so")).toBe("D'Anieri said so");
  });
  it("cuts a very long text at a word", () => {
    const long = "word ".repeat(400);
    expect(encodedText(long).length).toBeLessThanOrEqual(1_000);
    expect(encodedText(long).endsWith("word")).toBe(true);
  });
});

describe("the encoder", () => {
  it("puts a paraphrase closer than another fact about the same country", async () => {
    const [q, same, other, empty] = await encode([
      "Most of the crude Kazakhstan sells abroad flows through the Caspian Pipeline Consortium",
      "Kazakhstan depends on the CPC pipeline for 80% of its oil exports.",
      "Kazakhstan's president met the Russian president in Moscow.",
      "“”",
    ]);
    expect(cosine(q!, same!)).toBeGreaterThan(cosine(q!, other!) + 0.1);
    expect(cosine(q!, q!)).toBeCloseTo(1, 5);
    expect([...empty!].every((x) => x === 0)).toBe(true);
  });
});
