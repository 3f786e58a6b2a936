import { requireEditor } from "@/lib/auth/actor";
import { getClaim } from "@/lib/claims/get-claim";
import { getDb } from "@/lib/db";
import { handle, json, readJson } from "@/lib/http/handle";
import { reviewClaim } from "@/lib/reviews/review-claim";
import { otherMethods } from "@/lib/http/methods";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

/** The claim's review history (public). */
export const GET = handle<Ctx>(async (_req, { params }) => json((await getClaim(getDb(), (await params).id)).reviews));

/** An editor's verdict: 201 with the updated claim; 401/403/404/409/422 as documented. */
export const POST = handle<Ctx>(async (req, { params }) => {
  const actor = await requireEditor(req);
  const { id } = await params;
  const claim = await reviewClaim(getDb(), { actor, claimId: id, input: await readJson(req) });
  return json(claim, { status: 201 });
});

export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
