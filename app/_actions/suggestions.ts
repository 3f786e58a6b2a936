"use server";

import { redirect } from "next/navigation";
import { requireEditorInAction } from "@/lib/auth/action-actor";
import { getDb } from "@/lib/db";
import { field } from "@/lib/http/form-state";
import type { FormState } from "@/lib/http/form-state";
import { runFormAction } from "@/lib/http/run-form-action";
import { acceptSuggestion } from "@/lib/suggestions/accept-suggestion";
import { rejectSuggestion, restoreSuggestion } from "@/lib/suggestions/reject-suggestion";
import { acceptSuggestionFormInput } from "@/lib/suggestions/suggestion-form-input";

const back = (sourceId: string, query = "") => `/sources/${encodeURIComponent(sourceId)}${query}#suggestions`;

/** Accept (as suggested, or edited): back to the source, which names the new claim. */
export async function acceptSuggestionAction(prev: FormState, form: FormData): Promise<FormState> {
  const { sourceId, key, input } = acceptSuggestionFormInput(form);
  let id = "";
  const state = await runFormAction(prev, form, async () => {
    const actor = await requireEditorInAction();
    id = (await acceptSuggestion(getDb(), { actor, sourceId, key, input })).id;
  });
  if (state.ok) redirect(back(sourceId, `?accepted=${encodeURIComponent(id)}`));
  return state;
}

/** Reject, or undo a rejection (`undo=1`): back to the source's suggestions. */
export async function rejectSuggestionAction(prev: FormState, form: FormData): Promise<FormState> {
  const sourceId = field(form, "sourceId");
  const key = field(form, "key");
  const undo = field(form, "undo") === "1";
  const state = await runFormAction(prev, form, async () => {
    const actor = await requireEditorInAction();
    await (undo ? restoreSuggestion : rejectSuggestion)(getDb(), { actor, sourceId, key });
  });
  if (state.ok) redirect(back(sourceId, undo ? "" : `?rejected=${encodeURIComponent(key)}`));
  return state;
}
