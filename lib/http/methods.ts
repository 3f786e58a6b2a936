// A method a route does not have is a 405 in the API's JSON error shape, with Allow
// listing the ones it has (Next's own 405 has neither body nor Allow). Each route file
// exports the rest from here: `export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");`
import { AppError } from "../errors";
import { errorResponse } from "./handle";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof METHODS)[number];
type Handler = (req: Request) => Promise<Response>;

/** The Allow header for a route with these methods (Next adds HEAD for GET, and OPTIONS). */
export function allowHeader(allowed: readonly Method[]): string {
  return [...allowed, ...(allowed.includes("GET") ? ["HEAD"] : []), "OPTIONS"].join(", ");
}

/** 405 handlers for every method not in `allowed`. */
export function otherMethods(...allowed: Method[]): Record<Method, Handler> {
  const allow = allowHeader(allowed);
  const refuse: Handler = async (req) => {
    const err = new AppError("method_not_allowed", `${req.method} is not allowed here; use ${allowed.join(" or ")}.`, { allow: allowed });
    return Response.json(err.toJSON(), { status: err.status, headers: { allow } });
  };
  return Object.fromEntries(METHODS.map((m) => [m, refuse])) as Record<Method, Handler>;
}

/** Any method on a path the API does not have: the JSON 404 (app/api/route.ts and app/api/[...path]). */
export const unknownEndpoint: Handler = async (req) =>
  errorResponse(new AppError("not_found", `No API endpoint ${new URL(req.url).pathname}.`));
