"use client";

import { useState } from "react";
import { mergePeopleAction } from "@/app/_actions/people";
import { ActionForm } from "@/app/_components/editing/action-form";
import { useHydrated } from "@/app/_components/editing/hydrated";

export type MergeCandidate = { id: string; name: string; claimCount: number };

const claims = (n: number) => `${n} ${n === 1 ? "claim" : "claims"}`;

/**
 * Editors: merge another person into this one. What the merge does is spelled out and
 * must be confirmed (a checkbox, so it works without JavaScript) before it is done,
 * since it cannot be undone from here.
 */
export function MergePersonForm({ survivor, candidates }: { survivor: { id: string; name: string }; candidates: MergeCandidate[] }) {
  const hydrated = useHydrated();
  const [mergedId, setMergedId] = useState("");
  const merged = candidates.find((c) => c.id === mergedId);
  return (
    <ActionForm action={mergePeopleAction} hidden={{ survivorId: survivor.id }} className="person-edit merge-person" label="Merge a person into this one">
      {(state, pending) => (
        <>
          <label>
            Merge into {survivor.name}:{" "}
            <select name="mergedId" value={mergedId} onChange={(e) => setMergedId(e.target.value)} required>
              <option value="">Choose a person…</option>
              {candidates.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name} ({claims(c.claimCount)})
                </option>
              ))}
            </select>
          </label>
          <p className="byline" id="merge-consequences">
            {merged ? (
              <>
                {merged.name}’s {claims(merged.claimCount)} will be attributed to {survivor.name} (each gets a new version and a history
                entry), {merged.name}’s spellings become aliases of {survivor.name}, and {merged.name}’s page will redirect here.{" "}
                {merged.name} will no longer exist as a separate person.
              </>
            ) : hydrated ? null : (
              <>The chosen person’s claims will be attributed to {survivor.name}, their spellings become aliases, and their page will redirect here.</>
            )}
          </p>
          <label className="check">
            <input type="checkbox" name="confirm" value="yes" required key={state.seq} /> I have checked that they are the same person; merge them.
          </label>
          {state.ok ? <p role="status" className="saved">Merged.</p> : null}
          <button type="submit" disabled={pending || (hydrated && !merged)} aria-describedby="merge-consequences">
            {merged ? `Merge ${merged.name} into ${survivor.name}` : "Merge"}
          </button>
        </>
      )}
    </ActionForm>
  );
}
