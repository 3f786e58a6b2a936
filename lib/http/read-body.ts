// Request bodies are read with a limit while they arrive, never buffered whole first:
// a declared Content-Length over the limit is refused before reading, and a body sent
// without one (chunked) is cut off, and the rest left unread, as soon as it passes the limit.
import { AppError } from "../errors";

const tooLarge = (limit: number) => new AppError("payload_too_large", `The body is larger than ${limit} bytes.`, { limit });

/** The body's bytes, at most `limit` of them; 413 past that. */
export async function readBodyLimited(req: Request, limit: number): Promise<Uint8Array> {
  const declared = req.headers.get("content-length");
  if (declared !== null && Number(declared) > limit) throw tooLarge(limit);
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** The body as UTF-8 text (invalid bytes become U+FFFD, as Request.text() does), at most `limit` bytes. */
export async function readTextLimited(req: Request, limit: number): Promise<string> {
  return new TextDecoder().decode(await readBodyLimited(req, limit));
}

/** An application/x-www-form-urlencoded body (the sign-in and sign-out forms), at most `limit` bytes. */
export async function readFormLimited(req: Request, limit: number): Promise<URLSearchParams> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/x-www-form-urlencoded\b/i.test(type)) {
    throw new AppError("bad_request", "Send the form as application/x-www-form-urlencoded.");
  }
  return new URLSearchParams(await readTextLimited(req, limit));
}
