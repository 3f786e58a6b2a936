import { requireActor } from "@/lib/auth/actor";
import { revokeApiToken } from "@/lib/auth/tokens";
import { getDb } from "@/lib/db";
import { handle, json } from "@/lib/http/handle";
import { otherMethods } from "@/lib/http/methods";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

/** Revokes a token: one's own, or anyone's for an admin. Someone else's token is a 404 (its existence is not revealed). */
export const DELETE = handle<Ctx>(async (req, { params }) => {
  const actor = await requireActor(req);
  const { id } = await params;
  return json(await revokeApiToken(getDb(), { id, userId: actor.role === "admin" ? undefined : actor.id }));
});

export const { GET, POST, PUT, PATCH } = otherMethods("DELETE");
