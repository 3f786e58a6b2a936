"use server";

import { refresh } from "next/cache";
import { requireEditorInAction } from "@/lib/auth/action-actor";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { field, type FormState } from "@/lib/http/form-state";
import { runFormAction } from "@/lib/http/run-form-action";
import { addAlias } from "@/lib/people/add-alias";
import { mergePeople } from "@/lib/people/merge-people";
import { removeAlias } from "@/lib/people/remove-alias";
import { setSameAs } from "@/lib/people/set-same-as";

/** Merging two people, with or without JavaScript; refused unless the editor confirmed what it does. */
export async function mergePeopleAction(prev: FormState, form: FormData): Promise<FormState> {
  return runFormAction(prev, form, async () => {
    const actor = await requireEditorInAction();
    const mergedId = field(form, "mergedId");
    if (!mergedId) throw new AppError("unprocessable", "Person to merge: choose who is the same person as this one.");
    if (field(form, "confirm") !== "yes") throw new AppError("unprocessable", "Tick the box to confirm the merge: it moves every claim and cannot be undone from here.");
    await mergePeople(getDb(), { actor, survivorId: field(form, "survivorId"), mergedId });
    refresh();
  });
}

/** Adding a spelling to a person, with or without JavaScript. */
export async function addAliasAction(prev: FormState, form: FormData): Promise<FormState> {
  return runFormAction(prev, form, async () => {
    await requireEditorInAction();
    await addAlias(getDb(), { personId: field(form, "personId"), alias: field(form, "alias") });
    refresh();
  });
}

/** Removing a spelling, with or without JavaScript. */
export async function removeAliasAction(prev: FormState, form: FormData): Promise<FormState> {
  return runFormAction(prev, form, async () => {
    await requireEditorInAction();
    await removeAlias(getDb(), { personId: field(form, "personId"), aliasId: field(form, "aliasId") });
    refresh();
  });
}

/** The person's identifiers elsewhere, one URL per line, with or without JavaScript. */
export async function setSameAsAction(prev: FormState, form: FormData): Promise<FormState> {
  return runFormAction(prev, form, async () => {
    await requireEditorInAction();
    const sameAs = field(form, "sameAs").split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
    await setSameAs(getDb(), { personId: field(form, "personId"), input: { sameAs } });
    refresh();
  });
}
