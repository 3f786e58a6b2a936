// Who is making a request: a signed-in user (session cookie), an API client (bearer
// token), or nobody (a reader). Mutations call requireEditor, which also refuses
// cross-site cookie requests (CSRF): a browser always sends Origin on a cross-origin
// POST/PATCH/DELETE, and a bearer token is never sent by a browser on its own.
import { getDb } from "../db";
import { AppError } from "../errors";
import { configuredPublicUrl } from "../http/base-url";
import { getAuth } from "./auth";
import { canEdit, isRole, type Role } from "./roles";
import { userForToken } from "./tokens";

export type Actor = { id: string; name: string; email: string; role: Role; via: "session" | "token" };

const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?verbatim\.session_token=/;

const toActor = (u: { id: string; name: string; email: string; role?: unknown }, via: Actor["via"]): Actor => ({
  id: u.id,
  name: u.name,
  email: u.email,
  role: isRole(u.role) ? u.role : "reader",
  via,
});

/** The actor behind these headers, or null for an anonymous reader. A bad token is a 401. */
export async function getActor(headers: Headers): Promise<Actor | null> {
  const authorization = headers.get("authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) throw new AppError("unauthorized", "Authorization must be \"Bearer <token>\".");
    const user = await userForToken(getDb(), match[1]!);
    if (!user) throw new AppError("unauthorized", "The API token is unknown or revoked.");
    return toActor(user, "token");
  }
  // No session cookie: skip the session lookup (every anonymous page view).
  if (!SESSION_COOKIE.test(headers.get("cookie") ?? "")) return null;
  const session = await getAuth().api.getSession({ headers });
  return session ? toActor(session.user, "session") : null;
}

/** Refuses a cookie-authenticated mutation that a different site triggered. */
export function assertSameOrigin(req: Request): void {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return;
  const origin = req.headers.get("origin");
  const fetchSite = req.headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") {
    throw new AppError("forbidden", "Cross-site request refused.");
  }
  if (!origin) {
    if (fetchSite) return; // a same-origin browser request without Origin
    throw new AppError("forbidden", "Cross-site request refused: Origin header missing.");
  }
  const allowed = new Set([new URL(req.url).origin]);
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  if (host) {
    allowed.add(`http://${host}`);
    allowed.add(`https://${host}`);
  }
  const configured = configuredPublicUrl();
  if (configured) allowed.add(new URL(configured).origin);
  if (!allowed.has(origin)) throw new AppError("forbidden", `Cross-site request refused (Origin ${origin}).`);
}

/** The acting editor or admin; 401 for nobody, 403 for a reader account or a cross-site request. */
export async function requireEditor(req: Request): Promise<Actor> {
  const actor = await getActor(req.headers);
  if (!actor) throw new AppError("unauthorized", "Sign in, or send Authorization: Bearer <token>.");
  if (actor.via === "session") assertSameOrigin(req);
  if (!canEdit(actor.role)) throw new AppError("forbidden", `Role "${actor.role}" may not change anything; an editor or admin may.`);
  return actor;
}

/** The signed-in actor (any role); 401 for nobody. */
export async function requireActor(req: Request): Promise<Actor> {
  const actor = await getActor(req.headers);
  if (!actor) throw new AppError("unauthorized", "Sign in, or send Authorization: Bearer <token>.");
  if (actor.via === "session") assertSameOrigin(req);
  return actor;
}
