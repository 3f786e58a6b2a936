"use client";

import { useState, type FormEvent } from "react";
import { useJsonAction } from "./use-json-action";

export type MergeCandidate = { id: string; name: string; claimCount: number };

/**
 * Editors: merge another person into this one. The text under the select says what the
 * merge does before it is done, since it cannot be undone from here.
 */
export function MergePersonForm({ survivor, candidates }: { survivor: { id: string; name: string }; candidates: MergeCandidate[] }) {
  const [mergedId, setMergedId] = useState("");
  const { send, pending, error } = useJsonAction();
  const merged = candidates.find((c) => c.id === mergedId);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!merged) return;
    const result = await send(`/api/people/${encodeURIComponent(survivor.id)}/merge`, "POST", { mergedId: merged.id });
    if (result.ok) setMergedId("");
  }

  return (
    <form className="person-edit" onSubmit={onSubmit}>
      <label>
        Merge into {survivor.name}:{" "}
        <select name="mergedId" value={mergedId} onChange={(e) => setMergedId(e.target.value)} required>
          <option value="">Choose a person…</option>
          {candidates.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} ({c.claimCount} claims)
            </option>
          ))}
        </select>
      </label>
      {merged ? (
        <p className="byline" id="merge-consequences">
          {merged.name}’s {merged.claimCount} {merged.claimCount === 1 ? "claim" : "claims"} will be attributed to {survivor.name} (each
          gets a new version and a history entry), {merged.name}’s spellings become aliases of {survivor.name}, and {merged.name}’s page
          will redirect here. {merged.name} will no longer exist as a separate person.
        </p>
      ) : null}
      <button type="submit" disabled={pending || !merged} aria-describedby={merged ? "merge-consequences" : undefined}>
        {merged ? `Merge ${merged.name} into ${survivor.name}` : "Merge"}
      </button>
      {error ? <p role="alert">{error}</p> : null}
    </form>
  );
}
