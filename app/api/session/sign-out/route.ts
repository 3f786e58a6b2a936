import { assertSameOrigin } from "@/lib/auth/actor";
import { MAX_AUTH_BODY_BYTES } from "@/lib/auth/auth-gateway";
import { forwardToAuth, seeOtherWithCookies } from "@/lib/auth/forward";
import { handle } from "@/lib/http/handle";
import { readBodyLimited } from "@/lib/http/read-body";
import { otherMethods } from "@/lib/http/methods";

export const dynamic = "force-dynamic";

/** The sign-out form's target (works without JavaScript): ends the session, then home (303). */
export const POST = handle(async (req: Request) => {
  assertSameOrigin(req);
  await readBodyLimited(req, MAX_AUTH_BODY_BYTES); // the form sends nothing we need; read it with a limit
  return seeOtherWithCookies("/", await forwardToAuth(req, "/api/auth/sign-out", {}));
});

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
