"use client";

import { addAliasAction } from "@/app/_actions/people";
import { ActionForm } from "@/app/_components/editing/action-form";

/** Editors: add a spelling under which this person is found. Works without JavaScript. */
export function AddAliasForm({ personId }: { personId: string }) {
  return (
    <ActionForm action={addAliasAction} hidden={{ personId }} className="person-edit" inline>
      {(state, pending) => (
        <>
          <label>
            Add a spelling <input name="alias" key={state.seq} defaultValue={state.ok ? "" : (state.values.alias ?? "")} required maxLength={200} />
          </label>{" "}
          <button type="submit" disabled={pending}>
            Add alias
          </button>
        </>
      )}
    </ActionForm>
  );
}
