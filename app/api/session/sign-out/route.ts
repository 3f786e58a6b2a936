import { toNextJsHandler } from "better-auth/next-js";
import { assertSameOrigin } from "@/lib/auth/actor";
import { getAuth } from "@/lib/auth/auth";
import { handle } from "@/lib/http/handle";

export const dynamic = "force-dynamic";

/** The sign-out form's target (works without JavaScript): ends the session, then home (303). */
export const POST = handle(async (req: Request) => {
  assertSameOrigin(req);
  const headers = new Headers(req.headers);
  headers.set("content-type", "application/json");
  headers.delete("content-length");
  const res = await toNextJsHandler(getAuth()).POST(new Request(new URL("/api/auth/sign-out", req.url), { method: "POST", headers, body: "{}" }));
  const out = new Response(null, { status: 303, headers: { location: "/" } });
  for (const cookie of res.headers.getSetCookie()) out.headers.append("set-cookie", cookie);
  return out;
});
