// The new-claim and edit-claim forms' fields as the API's inputs (same validation and
// messages follow in add-claim / update-claim). Pure: no database.
import { AppError } from "../errors";
import { field } from "../http/form-state";
import { ID_PATTERN } from "../ids";

/** The speaker part: kind, a name (or the person chosen after "did you mean"), role. */
export function speakerFromForm(form: FormData): Record<string, unknown> {
  const kind = field(form, "kind");
  if (kind === "publication") return { kind };
  const role = field(form, "role").trim() || null;
  const choice = field(form, "speakerChoice");
  if (choice && choice !== "new" && ID_PATTERN.test(choice)) return { kind, personId: choice, role };
  const personName = field(form, "personName").trim();
  if (!personName) throw new AppError("unprocessable", "Speaker: type who said it, or choose “The publication's own assertion”.");
  return { kind, personName, role, ...(choice === "new" ? { newPerson: true } : {}) };
}

/** "12-40,51-60": the spans picked by selecting text (code-point offsets). */
export function pickedSpans(value: string): { start: number; end: number }[] {
  if (!value.trim()) return [];
  return value.split(",").map((pair) => {
    const m = /^(\d+)-(\d+)$/.exec(pair.trim());
    if (!m) throw new AppError("unprocessable", "Quote: the selected spans could not be read; select the words again.");
    return { start: Number(m[1]), end: Number(m[2]) };
  });
}

/** POST /api/claims input from the new-claim form: selected spans and/or a typed quote (located like the API's `exact`). */
export function newClaimFormInput(form: FormData): unknown {
  const spans: unknown[] = pickedSpans(field(form, "spans"));
  const typed = field(form, "quote");
  const occurrence = field(form, "occurrence");
  // After "which of these?", the occurrence the editor picked replaces the typed words.
  if (typed.trim() && /^\d+-\d+$/.test(occurrence)) spans.push(...pickedSpans(occurrence));
  else if (typed.trim()) spans.push({ exact: typed.trim() });
  if (spans.length === 0) throw new AppError("unprocessable", "Quote: select the supporting words in the text, or type them exactly in “The quoted words”.");
  const links = linksFromForm(field(form, "links"));
  return { sourceId: field(form, "sourceId"), text: field(form, "claimText"), spans, attribution: speakerFromForm(form), ...(links.length ? { links } : {}) };
}

/** "id:same-claim,id:contradicts": the similar claims the editor chose to link while writing. */
export function linksFromForm(value: string): { toClaimId: string; kind: string }[] {
  if (!value.trim()) return [];
  return value.split(",").map((pair) => {
    const [toClaimId = "", kind = ""] = pair.trim().split(":");
    return { toClaimId, kind };
  });
}

/** PATCH /api/claims/{id} input from the edit form: only what differs from what the form was opened with. */
export function editClaimFormInput(form: FormData): { claimId: string; input: unknown } {
  const text = field(form, "text");
  const speakerChanged =
    ["kind", "personName", "role"].some((name) => field(form, name).trim() !== field(form, `original-${name}`).trim()) || field(form, "speakerChoice") !== "";
  const input: Record<string, unknown> = { expectedVersion: Number(field(form, "expectedVersion")) };
  if (text.trim() !== field(form, "original-text")) input.text = text;
  if (speakerChanged) input.attribution = speakerFromForm(form);
  if (!("text" in input) && !("attribution" in input)) throw new AppError("unprocessable", "Nothing to change: the claim already says that.");
  return { claimId: field(form, "claimId"), input };
}
