import { requireEditor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { handle, json } from "@/lib/http/handle";
import { removeAlias } from "@/lib/people/remove-alias";
import { otherMethods } from "@/lib/http/methods";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string; aliasId: string }> };

/** Removes an alias by its id (listed in GET /api/people/{id} as aliasEntries). 200 with what was removed. */
export const DELETE = handle<Ctx>(async (req, { params }) => {
  await requireEditor(req);
  const { id, aliasId } = await params;
  return json(await removeAlias(getDb(), { personId: id, aliasId }));
});

export const { GET, POST, PUT, PATCH } = otherMethods("DELETE");
