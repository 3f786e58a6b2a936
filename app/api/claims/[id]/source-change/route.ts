import { requireEditor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { handle, json, readJson } from "@/lib/http/handle";
import { otherMethods } from "@/lib/http/methods";
import { getOpenSourceChange } from "@/lib/revisions/get-source-change";
import { resolveSourceChange } from "@/lib/revisions/resolve-source-change";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

/** The claim's unresolved source change (404 when it has none). */
export const GET = handle<Ctx>(async (_req, { params }) => {
  const { id } = await params;
  const change = await getOpenSourceChange(getDb(), id);
  if (!change) throw notFound("open source change for claim", id);
  return json(change);
});

/** Resolves it: `confirm`, `reanchor` (with spans in the new revision) or `stale` (with a rationale), at `expectedVersion`. */
export const POST = handle<Ctx>(async (req, { params }) => {
  const actor = await requireEditor(req);
  return json(await resolveSourceChange(getDb(), { actor, claimId: (await params).id, input: await readJson(req) }));
});

export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
