// Stored sentence vectors: each component of a unit vector as a signed byte (512 bytes a
// claim, a quarter of float32's; on CLEF 2020 task 2 the ranking is the same to three
// decimals of MAP@5). Pure.
import { createHash } from "node:crypto";
import { DIMENSIONS, encodedText, MODEL } from "./encoder";

/** How every key of the model in use begins. */
export const KEY_PREFIX = `${MODEL}:`;

/** Whether a stored vector is of the model in use (its text is the claim's: see storeVectors). */
export const ofCurrentModel = (key: string): boolean => key.startsWith(KEY_PREFIX);

/**
 * What a stored vector was computed from: the model and the encoded text. A vector of
 * another model is compared as no vector at all.
 */
export const vectorKey = (text: string): string => `${KEY_PREFIX}${createHash("sha256").update(encodedText(text)).digest("base64url").slice(0, 22)}`;

export function pack(v: Float32Array): Uint8Array {
  const out = new Int8Array(DIMENSIONS);
  for (let i = 0; i < DIMENSIONS; i++) out[i] = Math.max(-127, Math.min(127, Math.round((v[i] ?? 0) * 127)));
  return new Uint8Array(out.buffer);
}

/** The stored bytes as the signed components they are (a view: no copy). */
export const unpack = (bytes: Uint8Array): Int8Array => new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** Cosine similarity of two vectors (either packed or not); 0 when either is zero. */
export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0, na = 0, nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!, y = b[i]!;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}
