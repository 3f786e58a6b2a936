import { z } from "zod";
import { partialDate } from "../dates";
import { MAX_SOURCE_BYTES } from "./limits";
import { republishedFromInput } from "./republished";

export { MAX_HTML_BYTES, MAX_SOURCE_BYTES } from "./limits";

const optionalText = (max: number) => z.string().trim().min(1).max(max).nullish();

export const createSourceInput = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/).optional(),
  title: optionalText(500),
  publisher: optionalText(200),
  author: optionalText(300),
  url: z.url({ protocol: /^https?$/ }).max(2_000).nullish(),
  publishedAt: partialDate.nullish(),
  retrievedAt: z.iso.datetime({ offset: true }).nullish(),
  language: z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "must be a BCP 47 language tag").nullish(),
  /** The publication this source republishes, where known (see republished.ts). */
  republishedFrom: republishedFromInput.nullish(),
  text: z
    .string()
    .min(1)
    .refine((t) => !t.includes("\u0000"), "must not contain NUL characters")
    .refine((t) => Buffer.byteLength(t, "utf8") <= MAX_SOURCE_BYTES, `must be at most ${MAX_SOURCE_BYTES} bytes`),
});
export type CreateSourceInput = z.infer<typeof createSourceInput>;

/**
 * What an editor sends to add a source (the form and `POST /api/sources`): the text
 * pasted as is, or an HTML page whose readable text is extracted — exactly one — with
 * the same metadata as a seeded source. Ids are generated here; only seeds choose them.
 * Size limits are checked by addSource (a 413, not a validation error).
 */
export const addSourceInput = createSourceInput
  .omit({ id: true, text: true })
  .extend({
    text: z.string().min(1, "must not be empty").optional(),
    html: z.string().min(1, "must not be empty").optional(),
  })
  .refine((s) => s.text === undefined || s.html === undefined, {
    message: "give one of text (the source's text) or html (a page to extract it from), not both",
    path: ["text"],
  })
  .refine((s) => s.text !== undefined || s.html !== undefined || typeof s.url === "string", {
    message: "give the source's text, an html page to extract it from, or a url to fetch",
    path: ["text"],
  });
export type AddSourceInput = z.infer<typeof addSourceInput>;

/** The metadata an editor can change; a source's text and hash never change. */
export const METADATA_FIELDS = ["title", "publisher", "author", "url", "publishedAt", "retrievedAt", "language", "republishedFrom"] as const;
export type MetadataField = (typeof METADATA_FIELDS)[number];

/**
 * `PATCH /api/sources/{id}` and the source page's form: the fields to change (a field left
 * out stays as it is; null makes it unknown), at the version the editor saw.
 */
export const updateSourceInput = z.strictObject({
  expectedVersion: z.int().min(1),
  ...createSourceInput.pick({ title: true, publisher: true, author: true, url: true, publishedAt: true, retrievedAt: true, language: true, republishedFrom: true }).shape,
});
export type UpdateSourceInput = z.infer<typeof updateSourceInput>;
