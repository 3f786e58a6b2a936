"use client";

import { resolveSourceChangeAction } from "@/app/_actions/sources";
import { ActionForm } from "./action-form";

/** Editors' answers to "source changed": confirm the found wording, place the quotes by hand, or mark the claim stale. */
export function SourceChangeForms({ claimId, version, canConfirm, newSourceId }: { claimId: string; version: number; canConfirm: boolean; newSourceId: string }) {
  const hidden = { claimId, expectedVersion: String(version) };
  return (
    <div className="stack">
      {canConfirm ? (
        <ActionForm action={resolveSourceChangeAction} hidden={{ ...hidden, action: "confirm" }} label="Confirm the new wording">
          {(_s, pending) => (
            <button type="submit" disabled={pending}>
              {pending ? "Saving…" : "Confirm: quote the new wording"}
            </button>
          )}
        </ActionForm>
      ) : (
        <p className="hint">A quote was not found in the new revision: place it by hand, or mark the claim stale.</p>
      )}
      <details>
        <summary>Place the quotes by hand</summary>
        <ActionForm action={resolveSourceChangeAction} hidden={{ ...hidden, action: "reanchor" }} className="stack" label="Place the quotes by hand">
          {(state, pending) => (
            <>
              <label>
                The quoted words as they appear in the <a href={`/sources/${encodeURIComponent(newSourceId)}`}>new revision</a>, one quote per line
                <textarea name="quotes" rows={3} required key={`q${state.seq}`} defaultValue={state.values.quotes ?? ""} />
              </label>
              <button type="submit" disabled={pending}>
                {pending ? "Saving…" : "Move the claim to the new revision"}
              </button>
            </>
          )}
        </ActionForm>
      </details>
      <details>
        <summary>Mark the claim stale</summary>
        <ActionForm action={resolveSourceChangeAction} hidden={{ ...hidden, action: "stale" }} className="stack" label="Mark the claim stale">
          {(state, pending) => (
            <>
              <label>
                Why (the claim stays on the revision it quotes; the new revision is recorded as evidence)
                <textarea name="rationale" rows={2} required key={`r${state.seq}`} defaultValue={state.values.rationale ?? ""} />
              </label>
              <button type="submit" disabled={pending}>
                {pending ? "Saving…" : "Mark stale"}
              </button>
            </>
          )}
        </ActionForm>
      </details>
    </div>
  );
}
