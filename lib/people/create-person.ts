import type { DbTx } from "../db";
import { foldName, newId, slugify } from "../ids";
import { parseInput } from "../validation";
import { createPersonInput, type CreatePersonInput } from "./schemas";

/** Creates a person; the name is always one of their aliases, so any spelling finds them. */
export async function createPerson(db: DbTx, input: CreatePersonInput): Promise<{ id: string; slug: string }> {
  const data = parseInput(createPersonInput, input, "unprocessable");
  const aliases = [...new Set([data.name, ...data.aliases])];
  const id = data.id ?? newId();
  let slug = data.id ?? slugify(data.name);
  if (!data.id && (await db.person.findUnique({ where: { slug }, select: { id: true } }))) slug = `${slug}-${id.slice(0, 6)}`;
  await db.person.create({
    data: {
      id,
      name: data.name,
      slug,
      description: data.description ?? null,
      aliases: { create: aliases.map((alias) => ({ id: newId(), alias, folded: foldName(alias) })) },
    },
  });
  return { id, slug };
}
