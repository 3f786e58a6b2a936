// Unknown claim, source and person ids are answered here with the 404 page.
// Why: in production Next 16 renders a page's notFound() as an empty HTML shell whose
// content arrives only through JavaScript (vercel/next.js#62228, #98295), so a reader
// without JavaScript saw a blank page. An unmatched URL is rendered properly, so an
// unknown id is rewritten to one. The pages keep their own notFound() as well.
import { type NextRequest, NextResponse } from "next/server";
import { readDbFor } from "@/lib/db-read";
import { pageExists } from "@/lib/render/page-exists";

export function proxy(request: NextRequest) {
  const [, kind, id] = request.nextUrl.pathname.split("/");
  if (!kind || !id || (kind === "sources" && id === "new")) return NextResponse.next();
  if (pageExists(readDbFor(), kind, decodeURIComponent(id))) return NextResponse.next();
  return NextResponse.rewrite(new URL("/_verbatim-not-found", request.url));
}

export const config = { matcher: ["/claims/:id", "/sources/:id", "/people/:id"] };
