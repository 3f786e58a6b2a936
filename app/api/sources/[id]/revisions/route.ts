import { publicBaseUrl } from "@/lib/http/base-url";
import { requireEditor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { handle, json, readJson } from "@/lib/http/handle";
import { otherMethods } from "@/lib/http/methods";
import { listRevisions } from "@/lib/revisions/list-revisions";
import { reviseSource } from "@/lib/revisions/revise-source";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

/** The revision chain the source belongs to, oldest first. */
export const GET = handle<Ctx>(async (_req, { params }) => json({ items: await listRevisions(getDb(), (await params).id) }));

/**
 * A new revision of the (newest) source from `text`, `html` or `fetch: true`. 201 with
 * the new source's id and which claims were carried to it or flagged "source changed".
 */
export const POST = handle<Ctx>(async (req, { params }) => {
  const actor = await requireEditor(req);
  const result = await reviseSource(getDb(), { actor, sourceId: (await params).id, input: await readJson(req), signal: req.signal });
  return json(result, { status: 201, headers: { location: `${publicBaseUrl(req)}/api/sources/${result.sourceId}` } });
});

export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
