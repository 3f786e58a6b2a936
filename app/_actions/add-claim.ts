"use server";

import { redirect } from "next/navigation";
import { requireEditorInAction } from "@/lib/auth/action-actor";
import { addClaim } from "@/lib/claims/add-claim";
import { newClaimFormInput } from "@/lib/claims/claim-form-input";
import { getDb } from "@/lib/db";
import type { FormState } from "@/lib/http/form-state";
import { runFormAction } from "@/lib/http/run-form-action";

/** The new-claim form on a source page, with or without JavaScript: the new claim's page on success. */
export async function addClaimAction(prev: FormState, form: FormData): Promise<FormState> {
  let id = "";
  const state = await runFormAction(prev, form, async () => {
    const actor = await requireEditorInAction();
    id = (await addClaim(getDb(), { actor, input: newClaimFormInput(form) })).id;
  });
  if (state.ok) redirect(`/claims/${encodeURIComponent(id)}`);
  return state;
}
