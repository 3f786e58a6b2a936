"use client";

import { reviseSourceAction } from "@/app/_actions/sources";
import { ActionForm } from "./action-form";

/**
 * Editors: record a new revision of this source — its URL fetched again, or the new text
 * pasted. The claims follow: those whose quotes survive move to the new revision, the
 * others are flagged for review. Folded by default.
 */
export function RevisionForm({ sourceId, url }: { sourceId: string; url: string | null }) {
  return (
    <details className="panel revision-form">
      <summary>Record a new revision</summary>
      <p className="hint">
        The published text changed? A revision is kept beside this one (nothing is overwritten); claims whose quotes are unchanged move to it, the
        others are flagged &ldquo;source changed&rdquo; for an editor to confirm.
      </p>
      {url ? (
        <ActionForm action={reviseSourceAction} hidden={{ sourceId, fetch: "1" }} className="stack" label="Fetch the URL again">
          {(_state, pending) => (
            <button type="submit" disabled={pending}>
              {pending ? "Fetching…" : "Fetch the URL again"}
            </button>
          )}
        </ActionForm>
      ) : null}
      <ActionForm action={reviseSourceAction} hidden={{ sourceId }} className="stack" label="Paste the new revision's text">
        {(state, pending) => (
          <>
            <label>
              New text, exactly as published now
              <textarea name="text" rows={8} required key={`t${state.seq}`} defaultValue={state.values.text ?? ""} />
            </label>
            <button type="submit" disabled={pending}>
              {pending ? "Recording…" : "Record revision"}
            </button>
          </>
        )}
      </ActionForm>
    </details>
  );
}
