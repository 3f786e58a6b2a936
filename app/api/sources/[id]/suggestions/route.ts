import { requireEditor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { handle, json } from "@/lib/http/handle";
import { otherMethods } from "@/lib/http/methods";
import { suggestForSource } from "@/lib/suggestions/suggest-for-source";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

/**
 * The source's suggested claims (editors): `{ sourceId, items: [S + { key, existingClaimId }], rejected }`,
 * in reading order, where S is the shape `npx verbatim suggest` prints; rejected ones are left out.
 */
export const GET = handle<Ctx>(async (req, { params }) => {
  const actor = await requireEditor(req);
  return json(await suggestForSource(getDb(), { actor, sourceId: (await params).id }));
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
