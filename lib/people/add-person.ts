import type { Db } from "../db";
import { AppError } from "../errors";
import { foldName } from "../ids";
import { parseInput } from "../validation";
import { createPerson } from "./create-person";
import { createPersonBody } from "./schemas";

/**
 * An editor's new person (POST /api/people). A name or alias that already belongs to
 * someone (case and accents ignored) is a 409 naming them, so the same speaker is not
 * stored twice by accident; `newPerson: true` says it is a different person of that name.
 */
export async function addPerson(db: Db, options: { input: unknown }): Promise<{ id: string; slug: string }> {
  const { newPerson, ...input } = parseInput(createPersonBody, options.input, "unprocessable");
  return db.$transaction(async (tx) => {
    if (!newPerson) {
      const names = [...new Set([input.name, ...(input.aliases ?? [])].map(foldName))];
      const taken = await tx.personAlias.findMany({
        where: { folded: { in: names } },
        select: { alias: true, person: { select: { id: true, slug: true, name: true } } },
        orderBy: { alias: "asc" },
      });
      if (taken.length > 0) {
        const existing = [...new Map(taken.map((t) => [t.person.id, { ...t.person, matchedAlias: t.alias }])).values()];
        throw new AppError(
          "conflict",
          `A person with this name already exists: ${existing.map((p) => `${p.name} (${p.id})`).join(", ")}. Use them, or send "newPerson": true for a different person of the same name.`,
          { existing },
        );
      }
    }
    return createPerson(tx, input);
  });
}
