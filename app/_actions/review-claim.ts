"use server";

import { refresh } from "next/cache";
import { requireEditorInAction } from "@/lib/auth/action-actor";
import { getDb } from "@/lib/db";
import { type FormState, formValues } from "@/lib/http/form-state";
import { runFormAction } from "@/lib/http/run-form-action";
import { evidenceRowCount, reviewFormInput } from "@/lib/reviews/review-form-input";
import { reviewClaim } from "@/lib/reviews/review-claim";

/**
 * The review form (claim page and queue), with or without JavaScript. "Add evidence"
 * and "Remove" without JavaScript submit the form too: they only change the rows.
 */
export async function reviewClaimAction(prev: FormState, form: FormData): Promise<FormState> {
  const intent = String(form.get("intent") ?? "save");
  if (intent !== "save") {
    const values = formValues(form);
    const rows = evidenceRowCount(values);
    if (intent === "add-evidence") values.evidenceRows = String(rows + 1);
    const removed = /^remove-evidence-(\d+)$/.exec(intent);
    if (removed) removeRow(values, Number(removed[1]), rows);
    return { seq: prev.seq + 1, ok: false, error: null, values };
  }
  return runFormAction(prev, form, async () => {
    const actor = await requireEditorInAction();
    const db = getDb();
    const { claimId, input } = await reviewFormInput(db, form);
    await reviewClaim(db, { actor, claimId, input });
    refresh();
    return { claimId };
  });
}

function removeRow(values: Record<string, string>, index: number, rows: number) {
  for (let i = index; i < rows; i++) {
    for (const name of ["type", "value", "source"]) {
      const next = values[`evidence-${name}-${i + 1}`];
      if (next === undefined) delete values[`evidence-${name}-${i}`];
      else values[`evidence-${name}-${i}`] = next;
    }
  }
  values.evidenceRows = String(Math.max(0, rows - 1));
}
