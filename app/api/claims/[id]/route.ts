import { requireEditor } from "@/lib/auth/actor";
import { getClaim } from "@/lib/claims/get-claim";
import { updateClaim } from "@/lib/claims/update-claim";
import { getDb } from "@/lib/db";
import { handle, json, readJson } from "@/lib/http/handle";
import { otherMethods } from "@/lib/http/methods";
import { getOpenSourceChange } from "@/lib/revisions/get-source-change";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

/** The claim; when a newer revision of its source changed a quote, `sourceChange` says how (else null). */
export const GET = handle<Ctx>(async (_req, { params }) => {
  const { id } = await params;
  const claim = await getClaim(getDb(), id);
  return json({ ...claim, sourceChange: claim.sourceChanged ? await getOpenSourceChange(getDb(), id) : null });
});

/** Edits text, asOf, spans or attribution at `expectedVersion`: 200 with the claim, 409 if it changed meanwhile. */
export const PATCH = handle<Ctx>(async (req, { params }) => {
  const actor = await requireEditor(req);
  const { id } = await params;
  return json(await updateClaim(getDb(), { actor, claimId: id, input: await readJson(req) }));
});

export const { POST, PUT, DELETE } = otherMethods("GET", "PATCH");
