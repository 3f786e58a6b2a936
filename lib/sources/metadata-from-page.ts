// A new source's metadata from the page it was extracted from: what the page states
// (page-metadata.ts), then what Readability read, for the fields the editor left out
// entirely (an explicit null keeps a field unknown). A value that would not pass the
// field's own validation is dropped, never repaired. Each value carries its origin. Pure.
import type { ExtractedText } from "../extract/html-to-text";
import type { PageField } from "../extract/page-metadata";
import { createSourceInput, type CreateSourceInput } from "./schemas";

type Fillable = Extract<keyof CreateSourceInput, PageField>;
export type FilledMetadata = { values: Partial<Pick<CreateSourceInput, Fillable | "retrievedAt">>; origin: Record<string, string> };

const FIELDS: Fillable[] = ["title", "publisher", "author", "publishedAt", "language", "url"];

export function metadataFromPage(extracted: Pick<ExtractedText, "page" | "metadata">, given: Partial<Record<Fillable, unknown>>): FilledMetadata {
  const readability: Partial<Record<Fillable, string>> = {
    title: extracted.metadata.title,
    author: extracted.metadata.byline,
    publisher: extracted.metadata.siteName,
  };
  const out: FilledMetadata = { values: {}, origin: {} };
  for (const field of FIELDS) {
    if (given[field] !== undefined) continue;
    const tries: [string | undefined, string][] = [
      [extracted.page[field]?.value, extracted.page[field]?.origin ?? ""],
      [readability[field], "readability"],
    ];
    for (const [value, origin] of tries) {
      if (value === undefined) continue;
      const parsed = createSourceInput.shape[field].safeParse(value);
      if (parsed.success && typeof parsed.data === "string") {
        out.values[field] = parsed.data;
        out.origin[field] = origin;
        break;
      }
    }
  }
  return out;
}
