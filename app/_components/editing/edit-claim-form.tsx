"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { type ApiError, apiCall } from "./api-call";
import { SaveError } from "./conflict-notice";
import { attributionPayload, type PersonOption, type Speaker, SpeakerFields } from "./speaker-fields";

type Props = { claimId: string; version: number; text: string; speaker: Speaker; people: PersonOption[] };

/** Edits the claim's wording and attribution at the version shown; history records before and after. */
export function EditClaimForm({ claimId, version, text: initialText, speaker: initialSpeaker, people }: Props) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState(initialText);
  const [speaker, setSpeaker] = useState(initialSpeaker);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        Edit claim
      </button>
    );
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const changed = JSON.stringify(speaker) !== JSON.stringify(initialSpeaker);
    setBusy(true);
    const result = await apiCall("PATCH", `/api/claims/${claimId}`, {
      expectedVersion: version,
      ...(text.trim() !== initialText ? { text } : {}),
      ...(changed ? { attribution: attributionPayload(speaker) } : {}),
    });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setError(null);
    setOpen(false);
    router.refresh();
  }

  return (
    <form className="stack panel" onSubmit={submit} aria-label="Edit claim">
      <label>
        Claim (one atomic statement)
        <textarea name="text" rows={3} value={text} required onChange={(e) => setText(e.target.value)} />
      </label>
      <SpeakerFields value={speaker} onChange={setSpeaker} people={people} idPrefix="edit" />
      <SaveError error={error} onReload={() => { setError(null); router.refresh(); }} />
      <div>
        <button type="submit" disabled={busy}>
          {busy ? "Saving…" : "Save changes"}
        </button>{" "}
        <button type="button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
