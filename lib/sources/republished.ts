// What a source republishes: another publication's article, as far as the text says.
// Each field may be unknown (null); the record as a whole is null when the source is not
// known to be a republication. Pure: shared by the write path, the DTOs and the exports.
import { z } from "zod";
import { partialDate } from "../dates";

export type RepublishedFrom = { publisher: string | null; title: string | null; url: string | null; date: string | null };

const field = (max: number) => z.string().trim().min(1).max(max).nullish().transform((v) => v ?? null);

export const republishedFromInput = z
  .strictObject({
    publisher: field(200),
    title: field(500),
    url: z.url({ protocol: /^https?$/ }).max(2_000).nullish().transform((v) => v ?? null),
    date: partialDate.nullish().transform((v) => v ?? null),
  })
  .refine((r) => r.publisher !== null || r.title !== null || r.url !== null, {
    message: "name at least the original publisher, title or URL (send null for a source that is no republication)",
  });

/** The stored JSON (a column value) as a record; anything unreadable reads as "not a republication". */
export function parseRepublishedFrom(json: string | null): RepublishedFrom | null {
  if (json === null) return null;
  try {
    const v = JSON.parse(json) as Record<string, unknown>;
    const str = (x: unknown) => (typeof x === "string" && x !== "" ? x : null);
    return { publisher: str(v.publisher), title: str(v.title), url: str(v.url), date: str(v.date) };
  } catch {
    return null;
  }
}

/** The column value for a record, keys in a fixed order so equal records store equal bytes. */
export function republishedFromJson(r: RepublishedFrom | null): string | null {
  return r === null ? null : JSON.stringify({ publisher: r.publisher, title: r.title, url: r.url, date: r.date });
}

/** "The Times of Central Asia, “Title” (2024-12-03), https://…" — the known parts only. */
export function describeRepublishedFrom(r: RepublishedFrom): string {
  const parts = [r.publisher ?? "an unknown publication", r.title && `“${r.title}”`].filter(Boolean).join(", ");
  return `${parts}${r.date ? ` (${r.date})` : ""}${r.url ? `, ${r.url}` : ""}`;
}
