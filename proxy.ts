// Runs before every page (not the API, whose bodies must stream to their handlers
// unbuffered; next.config.js gives API answers their headers).
//  - A Content-Security-Policy with a fresh nonce: Next reads it from the request's
//    policy header and puts it on its own scripts; nothing else inline runs.
//  - Unknown claim, source and person ids are answered with the 404 page. Why: in
//    production Next 16 renders a page's notFound() as an empty HTML shell whose content
//    arrives only through JavaScript (vercel/next.js#62228, #98295), so a reader without
//    JavaScript saw a blank page. An unmatched URL is rendered properly, so an unknown id
//    is rewritten to one. The pages keep their own notFound() as well.
import { type NextRequest, NextResponse } from "next/server";
import { readDbFor } from "@/lib/db-read";
import { COMMON_SECURITY_HEADERS, newNonce, pageCsp } from "@/lib/http/security-headers";
import { pageExists } from "@/lib/render/page-exists";

const ID_PAGES = new Set(["claims", "sources", "people"]);

function pageId(pathname: string): { kind: string; id: string } | null {
  const [, kind, id, ...rest] = pathname.split("/");
  // A claim's own pages: /claims/{id} and /claims/{id}/similar.
  const claimSubpage = kind === "claims" && rest.length === 1 && rest[0] === "similar";
  if (!kind || !id || (rest.length > 0 && !claimSubpage) || !ID_PAGES.has(kind) || (kind === "sources" && id === "new")) return null;
  return { kind, id };
}

export async function proxy(request: NextRequest) {
  const nonce = newNonce();
  const csp = pageCsp(nonce);
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  // The page's own address, for links that come back here (sign-in's ?next=).
  headers.set("x-verbatim-path", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  headers.set("content-security-policy", csp);

  let response: NextResponse;
  const page = pageId(request.nextUrl.pathname);
  let id: string | null = null;
  try {
    id = page ? decodeURIComponent(page.id) : null;
  } catch {
    id = null; // malformed: scripts/server.mjs answers 400 before this; here, not found
  }
  if (page && (id === null || !(await pageExists(readDbFor(), page.kind, id)))) {
    response = NextResponse.rewrite(new URL("/_verbatim-not-found", request.url), { request: { headers } });
  } else {
    response = NextResponse.next({ request: { headers } });
  }
  response.headers.set("Content-Security-Policy", csp);
  for (const [k, v] of Object.entries(COMMON_SECURITY_HEADERS)) response.headers.set(k, v);
  return response;
}

// Every page; not the API, Next's static files or the favicon.
export const config = {
  matcher: [{ source: "/((?!api/|api$|_next/static|_next/image|favicon.ico).*)" }],
};
