import type { Db } from "../db";
import { AppError, notFound } from "../errors";
import { foldName, newId } from "../ids";
import { parseInput } from "../validation";
import { resolvePersonId } from "./resolve-person-id";
import { addAliasInput } from "./schemas";

export type AddAliasOptions = { personId: string; alias: string };

/**
 * Adds a spelling under which a person can be found. Spellings that differ only in
 * case or diacritics are kept (they are how sources write the name); an exact repeat is a 409.
 */
export async function addAlias(db: Db, options: AddAliasOptions): Promise<{ id: string; personId: string; alias: string }> {
  const { personId } = options;
  const { alias } = parseInput(addAliasInput, { alias: options.alias }, "unprocessable");
  return db.$transaction(async (tx) => {
    const person = await resolvePersonId(tx, personId);
    if (!person) throw notFound("person", personId);
    const existing = await tx.personAlias.findUnique({ where: { personId_alias: { personId: person.id, alias } }, select: { id: true } });
    if (existing) throw new AppError("conflict", `${person.name} already has the alias "${alias}".`, { aliasId: existing.id });
    const id = newId();
    await tx.personAlias.create({ data: { id, personId: person.id, alias, folded: foldName(alias) } });
    return { id, personId: person.id, alias };
  });
}
