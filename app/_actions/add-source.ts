"use server";

import { redirect } from "next/navigation";
import { requireEditorInAction } from "@/lib/auth/action-actor";
import { getDb } from "@/lib/db";
import type { FormState } from "@/lib/http/form-state";
import { runFormAction } from "@/lib/http/run-form-action";
import { addSource } from "@/lib/sources/add-source";
import { sourceFormInput } from "@/lib/sources/source-form-input";

/** The add-source form, with or without JavaScript: the source's page on success (the existing one for text already stored). */
export async function addSourceAction(prev: FormState, form: FormData): Promise<FormState> {
  let target = "";
  const state = await runFormAction(prev, form, async () => {
    const actor = await requireEditorInAction();
    const { source, created } = await addSource(getDb(), { actor, input: await sourceFormInput(form) });
    // A new source's page shows its suggested claims at the top of the side column (no
    // #fragment: a browser would carry it on to the next page the forms redirect to).
    target = `/sources/${encodeURIComponent(source.id)}${created ? "" : "?existing=1"}`;
  });
  if (state.ok) redirect(target);
  // A pasted text can be megabytes: refill the form with it, but never the file.
  return state;
}
