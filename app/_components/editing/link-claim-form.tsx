"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { claimIdFromReference } from "@/lib/links/link-text";
import { apiCall } from "./api-call";

/**
 * Editors: link this claim to another one (the same fact elsewhere, or a contradiction).
 * The other claim may be given by id or by a pasted link to its page.
 */
export function LinkClaimForm({ claimId }: { claimId: string }) {
  const router = useRouter();
  const [target, setTarget] = useState("");
  const [kind, setKind] = useState<"corroborates" | "contradicts">("corroborates");
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await apiCall("POST", `/api/claims/${encodeURIComponent(claimId)}/links`, {
      toClaimId: claimIdFromReference(target),
      kind,
      note: note.trim() || null,
    });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setError(null);
    setTarget("");
    setNote("");
    router.refresh();
  }

  return (
    <form className="stack panel link-claim" onSubmit={submit} aria-label="Link another claim">
      <label>
        Other claim (its id, or a link to its page)
        <input name="linkTarget" value={target} required autoComplete="off" onChange={(e) => setTarget(e.target.value)} />
      </label>
      <label>
        This claim…
        <select name="linkKind" value={kind} onChange={(e) => setKind(e.target.value === "contradicts" ? "contradicts" : "corroborates")}>
          <option value="corroborates">corroborates the other claim</option>
          <option value="contradicts">contradicts the other claim</option>
        </select>
      </label>
      <label>
        Note (optional)
        <textarea name="linkNote" rows={2} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      <button type="submit" disabled={busy}>
        {busy ? "Linking…" : "Link claims"}
      </button>
    </form>
  );
}
