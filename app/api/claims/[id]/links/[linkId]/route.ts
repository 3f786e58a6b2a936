import { requireEditor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { handle, json } from "@/lib/http/handle";
import { removeLink } from "@/lib/links/remove-link";
import { otherMethods } from "@/lib/http/methods";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string; linkId: string }> };

/** An editor removes a link from either of its claims: 200 with what was removed; 404 if the claim has no such link. */
export const DELETE = handle<Ctx>(async (req, { params }) => {
  const actor = await requireEditor(req);
  const { id, linkId } = await params;
  return json(await removeLink(getDb(), { actor, claimId: id, linkId }));
});

export const { GET, POST, PUT, PATCH } = otherMethods("DELETE");
