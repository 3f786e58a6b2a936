import { z } from "zod";
import { partialDate } from "../dates";
import { MAX_SOURCE_BYTES } from "./limits";

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
  .refine((s) => (s.text === undefined) !== (s.html === undefined), {
    message: "give exactly one of text (the source's text) or html (a page to extract it from)",
    path: ["text"],
  });
export type AddSourceInput = z.infer<typeof addSourceInput>;
