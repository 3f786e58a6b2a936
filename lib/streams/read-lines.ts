// Lines of a stream, read as they arrive (a backup or an ingest file is never held whole).
import type { Readable } from "node:stream";
import { createInterface } from "node:readline";
import { AppError } from "../errors";

/**
 * The lines of a Node stream. The readline interface is made only when iteration starts:
 * lines it emits before anyone iterates would be lost.
 */
export async function* readLines(input: Readable): AsyncGenerator<string> {
  input.setEncoding("utf8");
  const rl = createInterface({ input, crlfDelay: Infinity });
  try {
    yield* rl;
  } finally {
    rl.close();
  }
}

/** The lines of a request body (UTF-8; "\n" or "\r\n"), at most `maxBytes` in all (413 past it). */
export async function* readBodyLines(body: ReadableStream<Uint8Array> | null, maxBytes: number): AsyncGenerator<string> {
  if (!body) return;
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let rest = "";
  let bytes = 0;
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      if (bytes > maxBytes) throw new AppError("payload_too_large", `The body is over ${maxBytes} bytes; split the file.`, { limit: maxBytes });
      rest += decodeChunk(decoder, value);
      const parts = rest.split("\n");
      rest = parts.pop()!;
      for (const p of parts) yield p.endsWith("\r") ? p.slice(0, -1) : p;
    }
    rest += decodeChunk(decoder);
    if (rest !== "") yield rest.endsWith("\r") ? rest.slice(0, -1) : rest;
  } finally {
    reader.releaseLock();
  }
}

function decodeChunk(decoder: TextDecoder, value?: Uint8Array): string {
  try {
    return value ? decoder.decode(value, { stream: true }) : decoder.decode();
  } catch {
    throw new AppError("bad_request", "The body is not valid UTF-8.");
  }
}
