"use server";

import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { requireEditorInAction } from "@/lib/auth/action-actor";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { field, type FormState } from "@/lib/http/form-state";
import { runFormAction } from "@/lib/http/run-form-action";
import { reviseSource } from "@/lib/revisions/revise-source";
import { resolveSourceChange } from "@/lib/revisions/resolve-source-change";
import { sourceMetadataFormInput } from "@/lib/sources/source-metadata-form-input";
import { updateSource } from "@/lib/sources/update-source";

/** "Edit details" on a source page, with or without JavaScript. */
export async function updateSourceAction(prev: FormState, form: FormData): Promise<FormState> {
  return runFormAction(prev, form, async () => {
    const actor = await requireEditorInAction();
    const { sourceId, input } = sourceMetadataFormInput(form);
    await updateSource(getDb(), { actor, sourceId, input });
    refresh();
  });
}

/** "New revision" on a source page: pasted text, or the source's URL fetched again; then the new revision's page. */
export async function reviseSourceAction(prev: FormState, form: FormData): Promise<FormState> {
  let target = "";
  const state = await runFormAction(prev, form, async () => {
    const actor = await requireEditorInAction();
    const sourceId = field(form, "sourceId");
    if (!sourceId) throw new AppError("bad_request", "The form is missing the source; reload the page.");
    const input = field(form, "fetch") === "1" ? { fetch: true } : { text: field(form, "text") };
    const r = await reviseSource(getDb(), { actor, sourceId, input });
    target = `/sources/${encodeURIComponent(r.sourceId)}?carried=${r.reanchor.carried.length}&flagged=${r.reanchor.flagged.length}`;
  });
  if (state.ok) redirect(target);
  return state;
}

/** "Source changed" on a claim page: confirm the new wording, place the quotes by hand, or mark the claim stale. */
export async function resolveSourceChangeAction(prev: FormState, form: FormData): Promise<FormState> {
  return runFormAction(prev, form, async () => {
    const actor = await requireEditorInAction();
    const claimId = field(form, "claimId");
    const expectedVersion = Number(field(form, "expectedVersion"));
    const action = field(form, "action");
    const input =
      action === "reanchor"
        ? { action, expectedVersion, spans: field(form, "quotes").split(/\r?\n/).filter((q) => q.trim() !== "").map((exact) => ({ exact })) }
        : action === "stale"
          ? { action, expectedVersion, rationale: field(form, "rationale") }
          : { action, expectedVersion };
    await resolveSourceChange(getDb(), { actor, claimId, input });
    refresh();
  });
}
