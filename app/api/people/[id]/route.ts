import { requireEditor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { publicBaseUrl } from "@/lib/http/base-url";
import { handle, json, readJson } from "@/lib/http/handle";
import { getPerson } from "@/lib/people/get-person";
import { resolvePersonId } from "@/lib/people/resolve-person-id";
import { setSameAs } from "@/lib/people/set-same-as";
import { otherMethods } from "@/lib/http/methods";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

/**
 * A person by id or slug. A merged person's old id or slug answers 308 to the survivor
 * (clients that follow redirects just get the survivor), with { mergedInto } in the body.
 */
export const GET = handle<Ctx>(async (req, { params }) => {
  const { id } = await params;
  const db = getDb();
  const person = await resolvePersonId(db, id);
  if (!person) throw notFound("person", id);
  if (person.mergedFrom) {
    const location = `${publicBaseUrl(req)}/api/people/${person.id}`;
    return json({ mergedInto: { id: person.id, slug: person.slug, name: person.name }, location }, { status: 308, headers: { location } });
  }
  return json(await getPerson(db, person.id));
});

/** An editor sets the person's identifiers elsewhere `{ "sameAs": ["https://www.wikidata.org/wiki/Q…"] }`: 200 with the person. */
export const PATCH = handle<Ctx>(async (req, { params }) => {
  await requireEditor(req);
  const db = getDb();
  const { id } = await setSameAs(db, { personId: (await params).id, input: await readJson(req) });
  return json(await getPerson(db, id));
});

export const { POST, PUT, DELETE } = otherMethods("GET", "PATCH");
