// Route handlers are wrapped so they can just `throw`: AppErrors become their JSON
// error body and status; anything else is logged and answered with a generic 500.
import { AppError, toAppError } from "../errors";
import { assertValidText } from "./valid-text";
import { readTextLimited } from "./read-body";

export function errorResponse(err: unknown): Response {
  const appError = toAppError(err);
  if (appError.code === "internal") console.error(err);
  return Response.json(appError.toJSON(), { status: appError.status, headers: appError.status === 503 ? { "retry-after": "5" } : undefined });
}

export function handle<C>(fn: (req: Request, ctx: C) => Promise<Response>): (req: Request, ctx: C) => Promise<Response> {
  return async (req, ctx) => {
    try {
      return await fn(req, ctx);
    } catch (err) {
      return errorResponse(err);
    }
  };
}

/** Query parameters as a plain object; a repeated parameter is a 400, not silently the first value. */
export function queryParams(req: Request): Record<string, string> {
  const params = new URL(req.url).searchParams;
  const out: Record<string, string> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    if (values.length > 1) throw new AppError("bad_request", `${key}: given ${values.length} times; give it once.`);
    out[key] = values[0]!;
  }
  return out;
}

export const json = (data: unknown, init?: ResponseInit) => Response.json(data, init);

/** Largest JSON body accepted by the API (a source's text is at most 2 MB; JSON escaping can grow it). */
export const MAX_JSON_BYTES = 8 * 1024 * 1024;

/** The request's JSON body: 400 if it is not JSON, 413 if it is too large (checked while reading), 422 for invalid text. */
export async function readJson(req: Request): Promise<unknown> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) {
    throw new AppError("bad_request", "Send the body as JSON with Content-Type: application/json.");
  }
  const text = await readTextLimited(req, MAX_JSON_BYTES);
  let data: unknown;
  try {
    data = JSON.parse(text) as unknown;
  } catch (err) {
    throw new AppError("invalid_json", `The body is not valid JSON: ${(err as Error).message}`);
  }
  assertValidText(data);
  return data;
}
