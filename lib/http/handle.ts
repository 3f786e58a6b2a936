// Route handlers are wrapped so they can just `throw`: AppErrors become their JSON
// error body and status; anything else is logged and answered with a generic 500.
import { AppError, toAppError } from "../errors";

export function errorResponse(err: unknown): Response {
  const appError = toAppError(err);
  if (appError.code === "internal") console.error(err);
  return Response.json(appError.toJSON(), { status: appError.status });
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
