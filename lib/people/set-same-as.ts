import type { Db } from "../db";
import { notFound } from "../errors";
import { parseInput } from "../validation";
import { resolvePersonId } from "./resolve-person-id";
import { updatePersonInput } from "./schemas";

/**
 * Records where else a person is identified (a Wikidata URL, an official page): the
 * whole list, replaced; duplicates dropped, order kept. ClaimReview publishes it as the
 * claim author's schema.org `sameAs`.
 */
export async function setSameAs(db: Db, options: { personId: string; input: unknown }): Promise<{ id: string; sameAs: string[] }> {
  const { sameAs } = parseInput(updatePersonInput, options.input, "unprocessable");
  const person = await resolvePersonId(db, options.personId);
  if (!person) throw notFound("person", options.personId);
  const list = [...new Set(sameAs)];
  await db.person.update({ where: { id: person.id }, data: { sameAs: JSON.stringify(list) } });
  return { id: person.id, sameAs: list };
}
