// Every request to better-auth passes here: only the endpoints Verbatim uses are open,
// the body is read with a small limit before better-auth sees it, the client address
// is the one the server determined (never a client's X-Forwarded-For), changing a
// password ends every session and revokes every API token of the user, and expired
// rate-limit rows are removed.
import { toNextJsHandler } from "better-auth/next-js";
import { getDb } from "../db";
import { AppError } from "../errors";
import { withTrustedClientIp } from "../http/client-ip";
import { readBodyLimited } from "../http/read-body";
import { assertValidText } from "../http/valid-text";
import { assertSameOrigin, getActor } from "./actor";
import { getAuth, SIGN_IN_RATE_LIMIT } from "./auth";
import { revokeAllApiTokens } from "./tokens";

/** better-auth's bodies are a few short fields. */
export const MAX_AUTH_BODY_BYTES = 64 * 1024;

const OPEN: Record<string, ReadonlySet<string>> = {
  GET: new Set(["/get-session", "/list-sessions", "/ok"]),
  POST: new Set(["/sign-in/email", "/sign-out", "/change-password", "/revoke-session", "/revoke-sessions", "/revoke-other-sessions"]),
};
// Names are shown beside every verdict: an editor cannot rename themselves (an admin does,
// with `verbatim user name`), so a review's signature cannot be changed after the fact.
const REFUSED: Record<string, string> = {
  "/update-user": "Your name is changed by an admin (npx verbatim user name --email E --name N).",
  "/change-email": "Email addresses are changed by an admin.",
  "/delete-user": "Accounts are removed by an admin.",
};

let lastSweep = 0;
/** Deletes rate-limit rows whose window ended long ago (at most once a minute). */
async function sweepRateLimits(now: number): Promise<void> {
  if (now - lastSweep < 60_000) return;
  lastSweep = now;
  const cutoff = BigInt(now - 10 * SIGN_IN_RATE_LIMIT.window * 1000);
  await getDb().rateLimit.deleteMany({ where: { lastRequest: { lt: cutoff } } }).catch(() => undefined);
}

function endpoint(req: Request): string {
  const path = new URL(req.url).pathname;
  return path.startsWith("/api/auth") ? path.slice("/api/auth".length) || "/" : path;
}

/** Hands `req` to better-auth, or refuses it (403/404/413) before better-auth reads anything. */
export async function authGateway(req: Request): Promise<Response> {
  const path = endpoint(req);
  if (REFUSED[path]) throw new AppError("forbidden", REFUSED[path]);
  if (!OPEN[req.method]?.has(path)) throw new AppError("not_found", `No auth endpoint ${req.method} /api/auth${path}.`);
  const headers = withTrustedClientIp(req.headers);
  if (req.method !== "POST") return toNextJsHandler(getAuth()).GET(new Request(req.url, { method: req.method, headers }));

  assertSameOrigin(req);
  let body = new TextDecoder().decode(await readBodyLimited(req, MAX_AUTH_BODY_BYTES));
  let userId: string | null = null;
  if (path === "/change-password") {
    userId = (await getActor(req.headers))?.id ?? null;
    let parsed: unknown;
    try {
      parsed = JSON.parse(body || "{}");
    } catch {
      throw new AppError("invalid_json", "The body is not valid JSON.");
    }
    assertValidText(parsed);
    // Every other session ends with a password change, whatever the client asked.
    body = JSON.stringify({ ...(parsed as object), revokeOtherSessions: true });
  }
  headers.delete("content-length");
  await sweepRateLimits(Date.now());
  const res = await toNextJsHandler(getAuth()).POST(new Request(req.url, { method: "POST", headers, body: body === "" ? undefined : body }));
  if (userId && res.ok) await revokeAllApiTokens(getDb(), userId);
  return res;
}
