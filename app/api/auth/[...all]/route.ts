import { toNextJsHandler } from "better-auth/next-js";
import { assertSameOrigin } from "@/lib/auth/actor";
import { getAuth } from "@/lib/auth/auth";
import { handle } from "@/lib/http/handle";

export const dynamic = "force-dynamic";

// better-auth's own endpoints: sign-in (rate-limited), sign-out, session. better-auth
// checks Origin only when cookies are sent; refusing every cross-site POST here also
// stops login CSRF (a page elsewhere signing the visitor in to another account).
export const GET = (req: Request) => toNextJsHandler(getAuth()).GET(req);
export const POST = handle(async (req: Request) => {
  assertSameOrigin(req);
  return toNextJsHandler(getAuth()).POST(req);
});
