"use client";

import { createLinkAction } from "@/app/_actions/links";
import { ActionForm } from "./action-form";

/**
 * Editors: link this claim to another one (the same fact elsewhere, or a contradiction).
 * The other claim is given by a link to its page (or its id).
 */
export function LinkClaimForm({ claimId }: { claimId: string }) {
  return (
    <ActionForm action={createLinkAction} hidden={{ claimId }} className="stack panel link-claim" label="Link another claim">
      {(state, pending) => (
        <>
          <label>
            Other claim (a link to its page)
            <input name="linkTarget" key={`t${state.seq}`} defaultValue={state.values.linkTarget ?? ""} required autoComplete="off" />
          </label>
          <label>
            This claim…
            <select name="linkKind" key={`k${state.seq}`} defaultValue={state.values.linkKind ?? "corroborates"}>
              <option value="corroborates">corroborates the other claim</option>
              <option value="contradicts">contradicts the other claim</option>
              <option value="same-claim">is the same claim as the other</option>
            </select>
          </label>
          <label>
            Note (optional)
            <textarea name="linkNote" key={`n${state.seq}`} rows={2} maxLength={1000} defaultValue={state.values.linkNote ?? ""} />
          </label>
          {state.ok ? <p role="status" className="saved">Linked.</p> : null}
          <button type="submit" disabled={pending}>
            {pending ? "Linking…" : "Link claims"}
          </button>
        </>
      )}
    </ActionForm>
  );
}
