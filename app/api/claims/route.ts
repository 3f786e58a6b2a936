import { publicBaseUrl } from "@/lib/http/base-url";
import { requireEditor } from "@/lib/auth/actor";
import { addClaim } from "@/lib/claims/add-claim";
import { listClaims } from "@/lib/claims/list-claims";
import { getDb } from "@/lib/db";
import { handle, json, queryParams, readJson } from "@/lib/http/handle";
import { otherMethods } from "@/lib/http/methods";

export const dynamic = "force-dynamic";

export const GET = handle(async (req) => json(await listClaims(getDb(), queryParams(req))));

/** An editor's new claim: 201 with the claim; 422 with candidate positions for a quote that is missing or ambiguous. */
export const POST = handle(async (req) => {
  const actor = await requireEditor(req);
  const claim = await addClaim(getDb(), { actor, input: await readJson(req) });
  return json(claim, { status: 201, headers: { location: `${publicBaseUrl(req)}/api/claims/${claim.id}` } });
});

export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
