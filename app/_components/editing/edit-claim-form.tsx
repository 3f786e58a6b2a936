"use client";

import { useRouter } from "next/navigation";
import { useActionState, useCallback, useEffect, useRef, useState } from "react";
import { editClaimAction } from "@/app/_actions/edit-claim";
import { INITIAL_FORM_STATE } from "@/lib/http/form-state";
import { SaveError } from "./conflict-notice";
import { clearDraft, saveDraft, useRestoreDraft } from "./draft";
import { useHydrated } from "./hydrated";
import { type PersonOption, type Speaker, SpeakerFields, speakerCandidates, speakerFromValues } from "./speaker-fields";

type Props = {
  claimId: string; version: number; text: string; speaker: Omit<Speaker, "choice">; people: PersonOption[];
  /** The claim's verdict, if it has one: editing marks it "changed since its verdict". */
  verdict: string | null;
};

const VERDICT_WORDS: Record<string, string> = { supported: "Supported", disputed: "Disputed", stale: "Stale" };

/**
 * Edits the claim's wording and attribution at the version shown (a server action that
 * works without JavaScript, inside a <details> that opens without it too). History keeps
 * the before and after.
 */
export function EditClaimForm({ claimId, version, text: initialText, speaker: initialSpeaker, people, verdict }: Props) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [state, action, pending] = useActionState(editClaimAction, INITIAL_FORM_STATE);
  const start: Speaker = { ...initialSpeaker, choice: "" };
  const [text, setText] = useState(state.values.text ?? initialText);
  const [speaker, setSpeaker] = useState<Speaker>(speakerFromValues(state.values, start));
  const [open, setOpen] = useState(state.error !== null);
  const seen = useRef(state.seq);
  const draftKey = `edit:${claimId}`;

  useRestoreDraft(draftKey, useCallback((v: Record<string, string>) => {
    setText(v.text ?? initialText);
    setSpeaker(speakerFromValues(v, { ...initialSpeaker, choice: "" }));
    setOpen(true);
  }, [initialText, initialSpeaker]));

  useEffect(() => {
    if (state.seq === seen.current) return;
    seen.current = state.seq;
    if (state.ok) {
      clearDraft(draftKey);
      setOpen(false);
    } else if (state.error?.status === 401) saveDraft(draftKey, state.values);
  }, [state, draftKey]);

  // After a save, start again from what the page now shows (not on mounting: a restored draft stays).
  const mounted = useRef(false);
  useEffect(() => {
    if (!mounted.current) {
      mounted.current = true;
      return;
    }
    setText(initialText);
    setSpeaker({ ...initialSpeaker, choice: "" });
  }, [initialText, initialSpeaker.kind, initialSpeaker.personName, initialSpeaker.role]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <details className="edit-claim" open={open} onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>Edit claim</summary>
      <form className="stack panel" action={action} aria-label="Edit claim">
        <input type="hidden" name="claimId" value={claimId} />
        <input type="hidden" name="expectedVersion" value={version} />
        <input type="hidden" name="original-text" value={initialText} />
        <input type="hidden" name="original-kind" value={initialSpeaker.kind} />
        <input type="hidden" name="original-personName" value={initialSpeaker.personName} />
        <input type="hidden" name="original-role" value={initialSpeaker.role} />
        {verdict ? (
          <p className="changed-notice" role="note" data-testid="edit-outdates-verdict">
            This claim is marked <strong>{VERDICT_WORDS[verdict] ?? verdict}</strong>. Changing its wording or speaker marks it
            “changed since its verdict” until an editor reviews it again.
          </p>
        ) : null}
        <label>
          Claim (one atomic statement)
          <textarea name="text" rows={3} value={text} required onChange={(e) => setText(e.target.value)} />
        </label>
        <SpeakerFields value={speaker} onChange={setSpeaker} people={people} idPrefix="edit" candidates={speakerCandidates(state.error?.details)} hydrated={hydrated} />
        <SaveError error={state.error} onReload={() => router.refresh()} />
        {state.ok ? <p role="status" className="saved">Changes saved.</p> : null}
        <button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save changes"}
        </button>
      </form>
    </details>
  );
}
