import type { DbTx } from "../db";
import { AppError, notFound } from "../errors";
import { foldName } from "../ids";
import { createPerson } from "./create-person";
import { nearSpeakers } from "./near-speakers";

/**
 * The person an attribution names: by id, or by name matched against every alias
 * (case and diacritics ignored, so "Tokayev" finds the person also spelled Toqaev).
 * A name close to stored spellings (a surname, an initial, another transliteration) is a
 * 422 listing those people unless `newPerson` says it is someone else; an unknown name
 * creates the person; a name shared by several people is a 422 listing them, since
 * guessing would attribute words to the wrong person.
 */
export async function resolveSpeaker(
  tx: DbTx,
  attribution: { personId?: string | null; personName?: string | null; newPerson?: boolean },
): Promise<{ personId: string | null; created: boolean }> {
  if (attribution.personId) {
    const person = await tx.person.findUnique({ where: { id: attribution.personId }, select: { id: true } });
    if (!person) throw new AppError("unprocessable", `attribution.personId: ${notFound("person", attribution.personId).message}`);
    return { personId: person.id, created: false };
  }
  if (!attribution.personName) return { personId: null, created: false };
  const matches = await tx.personAlias.findMany({
    where: { folded: foldName(attribution.personName) },
    select: { person: { select: { id: true, name: true, slug: true } } },
  });
  const people = [...new Map(matches.map((m) => [m.person.id, m.person])).values()];
  if (people.length === 1) return { personId: people[0]!.id, created: false };
  if (people.length > 1) {
    throw new AppError("unprocessable", `attribution.personName: "${attribution.personName}" names ${people.length} people; give personId.`, {
      candidates: people.map((p) => ({ ...p, alias: attribution.personName })),
    });
  }
  if (!attribution.newPerson) {
    const near = await nearSpeakers(tx, attribution.personName);
    if (near.length > 0) {
      const list = near.map((c) => (c.alias === c.name ? c.name : `${c.name} (as “${c.alias}”)`)).join(", ");
      throw new AppError(
        "unprocessable",
        `attribution.personName: "${attribution.personName}" is not a stored spelling, but is close to ${list}. Did you mean ${near.length === 1 ? "them" : "one of them"}? Give their personId, or send "newPerson": true to create a new person.`,
        { candidates: near },
      );
    }
  }
  const { id } = await createPerson(tx, { name: attribution.personName });
  return { personId: id, created: true };
}
