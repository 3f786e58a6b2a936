import { assertSameOrigin } from "@/lib/auth/actor";
import { forwardToAuth, seeOtherWithCookies } from "@/lib/auth/forward";
import { safeNextPath } from "@/lib/auth/safe-next";
import { handle } from "@/lib/http/handle";

export const dynamic = "force-dynamic";

/**
 * The sign-in form's target, so signing in works without JavaScript: the fields go to
 * better-auth's rate-limited sign-in endpoint, and the browser is sent on (303) to where
 * it was going — or back to the form with the reason.
 */
export const POST = handle(async (req: Request) => {
  assertSameOrigin(req);
  const form = await req.formData().catch(() => new FormData());
  const next = safeNextPath(form.get("next"));
  const res = await forwardToAuth(req, "/api/auth/sign-in/email", {
    email: String(form.get("email") ?? ""),
    password: String(form.get("password") ?? ""),
  });
  const back = (reason: string, extra: Record<string, string> = {}) => `/sign-in?${new URLSearchParams({ error: reason, next, ...extra })}`;
  const location = res.ok ? next : res.status === 429 ? back("rate_limited", { retry: res.headers.get("x-retry-after") ?? "" }) : back("invalid");
  return seeOtherWithCookies(location, res);
});
