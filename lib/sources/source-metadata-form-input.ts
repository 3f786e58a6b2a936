// The source page's "Edit details" form as PATCH /api/sources/{id} input. Each field
// comes with the value it had when the form was drawn (`was.<field>`): only the fields
// the editor changed are sent, so an untouched field (a retrieval time shown to the
// minute, say) is never rewritten. An emptied field becomes unknown (null).
import { AppError } from "../errors";
import { field } from "../http/form-state";
import { retrievedInstant } from "./source-form-input";

const TEXT_FIELDS = ["title", "publisher", "author", "url", "publishedAt", "language"] as const;
const ORIGINAL = { origPublisher: "publisher", origTitle: "title", origUrl: "url", origDate: "date" } as const;

export function sourceMetadataFormInput(form: FormData): { sourceId: string; input: Record<string, unknown> } {
  const sourceId = field(form, "sourceId");
  const expectedVersion = Number(field(form, "expectedVersion"));
  if (!sourceId || !Number.isInteger(expectedVersion)) throw new AppError("bad_request", "The form is missing the source and its version; reload the page.");
  const input: Record<string, unknown> = { expectedVersion };
  const changed = (name: string) => field(form, name).trim() !== field(form, `was.${name}`).trim();
  for (const name of TEXT_FIELDS) if (changed(name)) input[name] = field(form, name).trim() || null;
  if (changed("retrievedAt")) {
    const value = field(form, "retrievedAt").trim();
    input.retrievedAt = value ? retrievedInstant(value, "0") : null; // the form shows it in UTC
  }
  if (Object.keys(ORIGINAL).some(changed)) {
    const r = Object.fromEntries(Object.entries(ORIGINAL).map(([name, key]) => [key, field(form, name).trim() || null]));
    input.republishedFrom = Object.values(r).every((v) => v === null) ? null : r;
  }
  return { sourceId, input };
}
