"use client";

import { acceptSuggestionAction, rejectSuggestionAction } from "@/app/_actions/suggestions";
import { ActionForm } from "../editing/action-form";

type Props = { sourceId: string; suggestionKey: string; canAccept: boolean; label: string };

/** Accept as suggested, or reject (remembered for this source): one button each, with or without JavaScript. */
export function SuggestionActions({ sourceId, suggestionKey, canAccept, label }: Props) {
  const hidden = { sourceId, key: suggestionKey };
  return (
    <>
      {canAccept ? (
        <ActionForm action={acceptSuggestionAction} hidden={hidden} inline label={`Accept: ${label}`}>
          {(_s, pending) => <button type="submit" disabled={pending}>{pending ? "Accepting…" : "Accept"}</button>}
        </ActionForm>
      ) : null}
      <ActionForm action={rejectSuggestionAction} hidden={hidden} inline label={`Reject: ${label}`}>
        {(_s, pending) => <button type="submit" className="secondary" disabled={pending}>{pending ? "Rejecting…" : "Reject"}</button>}
      </ActionForm>
    </>
  );
}

/** Undo a rejection just made. */
export function RestoreSuggestion({ sourceId, suggestionKey }: { sourceId: string; suggestionKey: string }) {
  return (
    <ActionForm action={rejectSuggestionAction} hidden={{ sourceId, key: suggestionKey, undo: "1" }} inline label="Undo the rejection">
      {(_s, pending) => <button type="submit" disabled={pending}>Undo</button>}
    </ActionForm>
  );
}
