"use client";

import { setSameAsAction } from "@/app/_actions/people";
import { ActionForm } from "@/app/_components/editing/action-form";

/** Editors: where else this person is identified (e.g. Wikidata), one URL per line. Works without JavaScript. */
export function SameAsForm({ personId, sameAs }: { personId: string; sameAs: string[] }) {
  return (
    <ActionForm action={setSameAsAction} hidden={{ personId }} className="stack person-edit same-as" label="Identifiers">
      {(state, pending) => (
        <>
          <label>
            Identifiers elsewhere, one URL per line (e.g. https://www.wikidata.org/wiki/Q…)
            <textarea name="sameAs" rows={2} key={state.seq} defaultValue={state.ok ? sameAs.join("\n") : (state.values.sameAs ?? sameAs.join("\n"))} />
          </label>
          {state.ok ? <p role="status" className="saved">Identifiers saved.</p> : null}
          <button type="submit" disabled={pending}>
            Save identifiers
          </button>
        </>
      )}
    </ActionForm>
  );
}
