import { z } from "zod";
import { attributionKind, claimStatus, entityId, spanInput } from "../claims/schemas";
import { partialDate } from "../dates";
import { republishedFromInput } from "../sources/republished";
import { claimLinkKind } from "../links/schemas";

// seeds/manifest.json: the seed data's metadata and curated claims. Data, not code.
export const seedManifest = z.strictObject({
  version: z.literal(1),
  sources: z.array(
    z.strictObject({
      id: entityId,
      file: z.string().regex(/^[\w.-]+\.txt$/),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      title: z.string().nullable(),
      publisher: z.string().nullable(),
      author: z.string().nullable(),
      url: z.string().nullable(),
      publishedAt: partialDate.nullable(),
      retrievedAt: z.string().nullable(),
      language: z.string().nullable(),
      /** The publication the source republishes, as far as its text says (unknown parts null). */
      republishedFrom: republishedFromInput.nullable().optional(),
    }),
  ),
  people: z.array(
    z.strictObject({
      id: entityId,
      name: z.string().min(1),
      aliases: z.array(z.string().min(1)),
      description: z.string().nullable(),
    }),
  ),
  claims: z.array(
    z.strictObject({
      id: entityId,
      source: entityId,
      text: z.string().min(1),
      asOf: partialDate.nullable(),
      attribution: z.strictObject({
        kind: attributionKind,
        person: entityId.nullable(),
        role: z.string().nullable(),
      }),
      spans: z.array(spanInput).min(1),
      demoReviews: z
        .array(z.strictObject({ toStatus: claimStatus, rationale: z.string().startsWith("Demo review") }))
        .optional(),
    }),
  ),
  /** Editorial links between seeded claims (e.g. the same fact in both articles). */
  links: z
    .array(
      z.strictObject({
        from: entityId,
        to: entityId,
        kind: claimLinkKind,
        note: z.string().min(1).nullable(),
      }),
    )
    .optional(),
});
export type SeedManifest = z.infer<typeof seedManifest>;
