import { getClaim } from "@/lib/claims/get-claim";
import { getDb } from "@/lib/db";
import { contentTypeOf, getFormat } from "@/lib/export/formats";
import { citeQuery } from "@/lib/export/schemas";
import { publicBaseUrl } from "@/lib/http/base-url";
import { handle, queryParams } from "@/lib/http/handle";
import { parseInput } from "@/lib/validation";
import { otherMethods } from "@/lib/http/methods";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

/** GET /api/claims/{id}/cite?format=…[&html=true]: one claim in one citation format. */
export const GET = handle<Ctx>(async (req, { params }) => {
  const q = parseInput(citeQuery, queryParams(req));
  const claim = await getClaim(getDb(), (await params).id);
  const format = getFormat(q.format);
  const opts = { html: q.html ?? false };
  const body = format.render(claim, { baseUrl: publicBaseUrl(req) }, opts);
  return new Response(body, {
    headers: {
      "Content-Type": contentTypeOf(format, opts),
      "Content-Disposition": `inline; filename="verbatim-${claim.id}.${opts.html && format.htmlContentType ? "html" : format.extension}"`,
    },
  });
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
