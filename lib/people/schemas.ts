import { z } from "zod";

const personName = z.string().trim().min(1).max(200);
const personDescription = z.string().trim().min(1).max(1_000).nullish();

/** What seeds and imports may create: they also choose stable ids. */
export const createPersonInput = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/).optional(),
  name: personName,
  aliases: z.array(personName).max(50).default([]),
  description: personDescription,
});
export type CreatePersonInput = z.input<typeof createPersonInput>;

/** POST /api/people: like createPersonInput, but ids are always generated. */
export const createPersonBody = createPersonInput.omit({ id: true }).extend({
  /** A different person who shares a name with someone already stored (else 409). */
  newPerson: z.boolean().optional(),
});
export type CreatePersonBody = z.input<typeof createPersonBody>;

/** POST /api/people/{id}/aliases */
export const addAliasInput = z.strictObject({ alias: personName });
export type AddAliasInput = z.infer<typeof addAliasInput>;

/**
 * POST /api/people/{id}/merge: the person named by mergedId (id or slug) is merged into
 * the one in the URL. expectedVersions (claim id -> version the editor saw) makes the
 * merge fail with 409 if any of those claims changed meanwhile.
 */
export const mergePeopleInput = z.strictObject({
  mergedId: z.string().trim().min(1).max(100),
  expectedVersions: z.record(z.string().min(1).max(100), z.number().int().min(1)).optional(),
});
export type MergePeopleInput = z.infer<typeof mergePeopleInput>;

/** PATCH /api/people/{id}: identifiers of the person elsewhere (e.g. a Wikidata URL), the whole list. */
export const updatePersonInput = z.strictObject({
  sameAs: z.array(z.url({ protocol: /^https?$/, message: "must be an http(s) URL" }).max(2_000)).max(20),
});
export type UpdatePersonInput = z.input<typeof updatePersonInput>;
