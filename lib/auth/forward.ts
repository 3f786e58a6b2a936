// The sign-in and sign-out forms post to our routes, which hand the request on to
// better-auth's own endpoint (through the same gateway, so its rate limit, body limit
// and session handling apply) and send the browser on with a 303, keeping the cookies.
import { authGateway } from "./auth-gateway";

/** POSTs `body` as JSON to better-auth's `path`, with the original request's headers (cookies, client address). */
export function forwardToAuth(req: Request, path: string, body: unknown): Promise<Response> {
  const headers = new Headers(req.headers);
  headers.set("content-type", "application/json");
  headers.delete("content-length");
  return authGateway(new Request(new URL(path, req.url), { method: "POST", headers, body: JSON.stringify(body) }));
}

/** A 303 to `location` carrying the Set-Cookie headers of better-auth's answer. */
export function seeOtherWithCookies(location: string, authResponse: Response): Response {
  const out = new Response(null, { status: 303, headers: { location } });
  for (const cookie of authResponse.headers.getSetCookie()) out.headers.append("set-cookie", cookie);
  return out;
}
