import { assertSameOrigin } from "@/lib/auth/actor";
import { MAX_AUTH_BODY_BYTES } from "@/lib/auth/auth-gateway";
import { forwardToAuth, seeOtherWithCookies } from "@/lib/auth/forward";
import { safeNextPath } from "@/lib/auth/safe-next";
import { handle } from "@/lib/http/handle";
import { readFormLimited } from "@/lib/http/read-body";
import { otherMethods } from "@/lib/http/methods";

export const dynamic = "force-dynamic";

/**
 * The sign-in form's target, so signing in works without JavaScript: the fields go to
 * better-auth's rate-limited sign-in endpoint, and the browser is sent on (303) to where
 * it was going — or back to the form with the reason. `next` is made safe before
 * anything is signed in, so a bad one can neither redirect off-site nor fail after the
 * session was created.
 */
export const POST = handle(async (req: Request) => {
  assertSameOrigin(req);
  const form = await readFormLimited(req, MAX_AUTH_BODY_BYTES);
  const next = safeNextPath(form.get("next"));
  const res = await forwardToAuth(req, "/api/auth/sign-in/email", {
    email: form.get("email") ?? "",
    password: form.get("password") ?? "",
  });
  const back = (reason: string, extra: Record<string, string> = {}) => `/sign-in?${new URLSearchParams({ error: reason, next, ...extra })}`;
  const location = res.ok ? next : res.status === 429 ? back("rate_limited", { retry: res.headers.get("x-retry-after") ?? "" }) : back("invalid");
  return seeOtherWithCookies(location, res);
});

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
