import { z } from "zod";
import { spanInput } from "../claims/schemas";

/**
 * A new revision of a source (`POST /api/sources/{id}/revisions` and the source page):
 * its text pasted, an HTML page, or `fetch: true` to fetch the source's URL again.
 */
export const reviseSourceInput = z
  .strictObject({
    text: z.string().min(1, "must not be empty").optional(),
    html: z.string().min(1, "must not be empty").optional(),
    fetch: z.literal(true).optional(),
  })
  .refine((r) => [r.text, r.html, r.fetch].filter((v) => v !== undefined).length === 1, {
    message: "give exactly one of text (the new revision's text), html (a page to extract it from) or fetch: true (fetch the source's URL again)",
    path: ["text"],
  });
export type ReviseSourceInput = z.infer<typeof reviseSourceInput>;

/**
 * An editor's answer to "source changed" on a claim (`POST /api/claims/{id}/source-change`):
 * `confirm` moves the claim to the new revision with the spans re-anchoring found (its
 * changed wording included); `reanchor` moves it with spans the editor chose in the new
 * text; `stale` keeps it on the old revision and marks it stale, with a rationale.
 */
export const resolveSourceChangeInput = z.discriminatedUnion("action", [
  z.strictObject({ action: z.literal("confirm"), expectedVersion: z.int().min(1) }),
  z.strictObject({ action: z.literal("reanchor"), expectedVersion: z.int().min(1), spans: z.array(spanInput).min(1).max(50) }),
  z.strictObject({ action: z.literal("stale"), expectedVersion: z.int().min(1), rationale: z.string().trim().min(1, "say why the claim is stale").max(5_000) }),
]);
export type ResolveSourceChangeInput = z.infer<typeof resolveSourceChangeInput>;
