import type { Db } from "../db";
import { AppError, notFound } from "../errors";
import { resolvePersonId } from "./resolve-person-id";

export type RemoveAliasOptions = { personId: string; aliasId: string };

/** Removes one of a person's aliases; their current name always stays one (422). */
export async function removeAlias(db: Db, { personId, aliasId }: RemoveAliasOptions): Promise<{ id: string; personId: string; alias: string }> {
  return db.$transaction(async (tx) => {
    const person = await resolvePersonId(tx, personId);
    if (!person) throw notFound("person", personId);
    const row = await tx.personAlias.findFirst({ where: { id: aliasId, personId: person.id }, select: { id: true, alias: true } });
    if (!row) throw new AppError("not_found", `${person.name} has no alias with id "${aliasId}".`);
    if (row.alias === person.name) {
      throw new AppError("unprocessable", `"${row.alias}" is ${person.name}'s name; a person is always found by their own name.`);
    }
    await tx.personAlias.delete({ where: { id: row.id } });
    return { id: row.id, personId: person.id, alias: row.alias };
  });
}
