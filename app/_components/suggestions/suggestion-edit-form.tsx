"use client";

import { useActionState, useState } from "react";
import { acceptSuggestionAction } from "@/app/_actions/suggestions";
import { INITIAL_FORM_STATE } from "@/lib/http/form-state";
import { SaveError } from "../editing/conflict-notice";
import { useHydrated } from "../editing/hydrated";
import { type PersonOption, type Speaker, SpeakerFields, speakerCandidates, speakerFromValues } from "../editing/speaker-fields";

type Props = {
  sourceId: string;
  suggestionKey: string;
  index: number;
  claim: string;
  speaker: Speaker;
  people: PersonOption[];
  /** The suggestion cannot be accepted as it is: the text names no person. */
  needsSpeaker: boolean;
};

/** Accept after editing: the claim's wording, the kind, the speaker (with "did you mean …?") and the role. */
export function SuggestionEditForm({ sourceId, suggestionKey, index, claim, speaker: start, people, needsSpeaker }: Props) {
  const hydrated = useHydrated();
  const [state, action, pending] = useActionState(acceptSuggestionAction, INITIAL_FORM_STATE);
  const [text, setText] = useState(state.values.claimText ?? claim);
  const [speaker, setSpeaker] = useState<Speaker>(speakerFromValues(state.values, start));
  return (
    <details className="edit-suggestion" open={state.error !== null}>
      <summary>{needsSpeaker ? "Choose who said it, then accept" : "Edit, then accept"}</summary>
      <form className="stack" action={action} aria-label={`Edit suggestion ${index + 1}`}>
        <input type="hidden" name="sourceId" value={sourceId} />
        <input type="hidden" name="key" value={suggestionKey} />
        <input type="hidden" name="mode" value="edit" />
        <label>
          Claim (one atomic statement, in your words)
          <textarea name="claimText" rows={3} value={text} required onChange={(e) => setText(e.target.value)} />
        </label>
        <SpeakerFields value={speaker} onChange={setSpeaker} people={people} idPrefix={`sg-${index}`} candidates={speakerCandidates(state.error?.details)} hydrated={hydrated} />
        <SaveError error={state.error} onReload={() => window.location.reload()} />
        <button type="submit" disabled={pending}>{pending ? "Saving…" : "Accept as edited"}</button>
      </form>
    </details>
  );
}
