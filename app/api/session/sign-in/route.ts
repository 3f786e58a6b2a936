import { toNextJsHandler } from "better-auth/next-js";
import { assertSameOrigin } from "@/lib/auth/actor";
import { getAuth } from "@/lib/auth/auth";
import { safeNextPath } from "@/lib/auth/safe-next";
import { handle } from "@/lib/http/handle";

export const dynamic = "force-dynamic";

/**
 * The sign-in form's target, so signing in works without JavaScript: the form fields
 * are handed to better-auth's own (rate-limited) sign-in endpoint, its session cookie
 * is passed on, and the browser is sent on (303) to where it was going — or back to
 * the form with the reason.
 */
export const POST = handle(async (req: Request) => {
  assertSameOrigin(req);
  const form = await req.formData().catch(() => new FormData());
  const next = safeNextPath(form.get("next"));
  const signInUrl = new URL("/api/auth/sign-in/email", req.url);
  const headers = new Headers(req.headers);
  headers.set("content-type", "application/json");
  headers.delete("content-length");
  const res = await toNextJsHandler(getAuth()).POST(
    new Request(signInUrl, { method: "POST", headers, body: JSON.stringify({ email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") }) }),
  );
  const back = (reason: string, extra: Record<string, string> = {}) =>
    `/sign-in?${new URLSearchParams({ error: reason, next, ...extra })}`;
  const location = res.ok ? next : res.status === 429 ? back("rate_limited", { retry: res.headers.get("x-retry-after") ?? "" }) : back("invalid");
  const out = new Response(null, { status: 303, headers: { location } });
  for (const cookie of res.headers.getSetCookie()) out.headers.append("set-cookie", cookie);
  return out;
});
