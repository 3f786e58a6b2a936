import { requireEditor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { publicBaseUrl } from "@/lib/http/base-url";
import { handle, json, readJson } from "@/lib/http/handle";
import { addPerson } from "@/lib/people/add-person";
import { getPerson } from "@/lib/people/get-person";
import { otherMethods } from "@/lib/http/methods";

export const dynamic = "force-dynamic";

/** Creates a person (ids are generated here; only seeds choose them). 201 with the person. */
export const POST = handle(async (req) => {
  await requireEditor(req);
  const db = getDb();
  const { id } = await addPerson(db, { input: await readJson(req) });
  return json(await getPerson(db, id), { status: 201, headers: { location: `${publicBaseUrl(req)}/api/people/${id}` } });
});

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
