import { requireEditor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { handle, json, readJson } from "@/lib/http/handle";
import { getPerson } from "@/lib/people/get-person";
import { mergePeople } from "@/lib/people/merge-people";
import { mergePeopleInput } from "@/lib/people/schemas";
import { parseInput } from "@/lib/validation";
import { otherMethods } from "@/lib/http/methods";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

/**
 * Merges the person { "mergedId" } into the person in the URL. 200 with the survivor
 * as GET /api/people/{id} shows it, the merged person and the ids of the claims that moved.
 */
export const POST = handle<Ctx>(async (req, { params }) => {
  const actor = await requireEditor(req);
  const body = parseInput(mergePeopleInput, await readJson(req), "unprocessable");
  const db = getDb();
  const summary = await mergePeople(db, { actor, survivorId: (await params).id, ...body });
  return json({ ...summary, survivor: await getPerson(db, summary.survivor.id) });
});

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
