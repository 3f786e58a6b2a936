"use server";

import { refresh } from "next/cache";
import { requireEditorInAction } from "@/lib/auth/action-actor";
import { editClaimFormInput } from "@/lib/claims/claim-form-input";
import { updateClaim } from "@/lib/claims/update-claim";
import { getDb } from "@/lib/db";
import type { FormState } from "@/lib/http/form-state";
import { runFormAction } from "@/lib/http/run-form-action";

/** The edit form on a claim page, with or without JavaScript. */
export async function editClaimAction(prev: FormState, form: FormData): Promise<FormState> {
  return runFormAction(prev, form, async () => {
    const actor = await requireEditorInAction();
    const { claimId, input } = editClaimFormInput(form);
    await updateClaim(getDb(), { actor, claimId, input });
    refresh();
  });
}
