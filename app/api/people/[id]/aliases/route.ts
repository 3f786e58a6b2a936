import { requireEditor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { handle, json, readJson } from "@/lib/http/handle";
import { addAlias } from "@/lib/people/add-alias";
import { addAliasInput } from "@/lib/people/schemas";
import { parseInput } from "@/lib/validation";
import { otherMethods } from "@/lib/http/methods";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

/** Adds a spelling: body { "alias": "Toqaev" }. 201 with { id, personId, alias }. */
export const POST = handle<Ctx>(async (req, { params }) => {
  await requireEditor(req);
  const { alias } = parseInput(addAliasInput, await readJson(req), "unprocessable");
  const created = await addAlias(getDb(), { personId: (await params).id, alias });
  return json(created, { status: 201 });
});

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
