import { requireEditor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { handle, json, readJson } from "@/lib/http/handle";
import { getSource } from "@/lib/sources/get-source";
import { updateSource } from "@/lib/sources/update-source";
import { otherMethods } from "@/lib/http/methods";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

export const GET = handle<Ctx>(async (_req, { params }) => json(await getSource(getDb(), (await params).id)));

/** Edits metadata at `expectedVersion` (409 with the changes since, otherwise); the text never changes. */
export const PATCH = handle<Ctx>(async (req, { params }) => {
  const actor = await requireEditor(req);
  return json(await updateSource(getDb(), { actor, sourceId: (await params).id, input: await readJson(req) }));
});

export const { POST, PUT, DELETE } = otherMethods("GET", "PATCH");
