import { assertSameOrigin } from "@/lib/auth/actor";
import { forwardToAuth, seeOtherWithCookies } from "@/lib/auth/forward";
import { handle } from "@/lib/http/handle";

export const dynamic = "force-dynamic";

/** The sign-out form's target (works without JavaScript): ends the session, then home (303). */
export const POST = handle(async (req: Request) => {
  assertSameOrigin(req);
  return seeOtherWithCookies("/", await forwardToAuth(req, "/api/auth/sign-out", {}));
});
