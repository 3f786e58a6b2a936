import { requireEditor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { publicBaseUrl } from "@/lib/http/base-url";
import { handle, json, readJson } from "@/lib/http/handle";
import { createPerson } from "@/lib/people/create-person";
import { getPerson } from "@/lib/people/get-person";
import { createPersonBody } from "@/lib/people/schemas";
import { parseInput } from "@/lib/validation";

export const dynamic = "force-dynamic";

/** Creates a person (ids are generated here; only seeds choose them). 201 with the person. */
export const POST = handle(async (req) => {
  await requireEditor(req);
  const input = parseInput(createPersonBody, await readJson(req), "unprocessable");
  const db = getDb();
  const { id } = await db.$transaction((tx) => createPerson(tx, input));
  return json(await getPerson(db, id), { status: 201, headers: { location: `${publicBaseUrl(req.url)}/api/people/${id}` } });
});
