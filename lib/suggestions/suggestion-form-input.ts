// The suggestion forms' fields as acceptSuggestion's input. Pure: no database.
import { linksFromForm, speakerFromForm } from "../claims/claim-form-input";
import { field } from "../http/form-state";

/** `{ sourceId, key, input }`: a quick accept sends no fields; the edit form sends text and speaker. */
export function acceptSuggestionFormInput(form: FormData): { sourceId: string; key: string; input: Record<string, unknown> } {
  const target = { sourceId: field(form, "sourceId"), key: field(form, "key") };
  const links = linksFromForm(field(form, "links"));
  if (field(form, "mode") !== "edit") return { ...target, input: links.length ? { links } : {} };
  const { kind, personId, personName, role, newPerson } = speakerFromForm(form) as Record<string, unknown>;
  const input: Record<string, unknown> = { text: field(form, "claimText"), kind };
  if (kind !== "publication") Object.assign(input, personId ? { personId } : { personName }, { role: role ?? null }, newPerson ? { newPerson } : {});
  return { ...target, input: links.length ? { ...input, links } : input };
}
