"use server";

import { refresh } from "next/cache";
import { requireEditorInAction } from "@/lib/auth/action-actor";
import { getDb } from "@/lib/db";
import { field, type FormState } from "@/lib/http/form-state";
import { runFormAction } from "@/lib/http/run-form-action";
import { createLink } from "@/lib/links/create-link";
import { removeLink } from "@/lib/links/remove-link";

/** The link form on a claim page, with or without JavaScript. */
export async function createLinkAction(prev: FormState, form: FormData): Promise<FormState> {
  return runFormAction(prev, form, async () => {
    const actor = await requireEditorInAction();
    const note = field(form, "linkNote").trim();
    await createLink(getDb(), {
      actor,
      claimId: field(form, "claimId"),
      input: { toClaimId: field(form, "linkTarget"), kind: field(form, "linkKind"), note: note || null },
    });
    refresh();
  });
}

/** "Remove link", with or without JavaScript. */
export async function removeLinkAction(prev: FormState, form: FormData): Promise<FormState> {
  return runFormAction(prev, form, async () => {
    const actor = await requireEditorInAction();
    await removeLink(getDb(), { actor, claimId: field(form, "claimId"), linkId: field(form, "linkId") });
    refresh();
  });
}
