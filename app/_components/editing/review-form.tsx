"use client";

import { useRouter } from "next/navigation";
import { useActionState, useCallback, useEffect, useRef, useState } from "react";
import { reviewClaimAction } from "@/app/_actions/review-claim";
import { INITIAL_FORM_STATE, type FormError } from "@/lib/http/form-state";
import { NO_VERDICT_MESSAGE, evidenceRowCount } from "@/lib/reviews/review-form-input";
import { SaveError } from "./conflict-notice";
import { clearDraft, saveDraft, useRestoreDraft } from "./draft";
import { EvidenceRows, type EvidenceRow, rowsFromValues, type SourceOption } from "./evidence-rows";
import { useHydrated } from "./hydrated";

export const VERDICTS = [
  { status: "supported", label: "Supported", key: "s" },
  { status: "disputed", label: "Disputed", key: "d" },
  { status: "stale", label: "Stale", key: "t" },
  { status: "unreviewed", label: "Unreviewed", key: "u" },
] as const;

type Props = {
  claimId: string; version: number; sources: SourceOption[];
  /** A verdict the editor picked by keyboard in the queue; never a default. */
  initialStatus?: string;
  onSaved?: (claimId: string) => void; formId?: string;
  /** Called as a save is sent, and when it fails (the queue moves on only after a save). */
  onSaving?: () => void; onFailed?: () => void;
};

/**
 * An editor's verdict, a server action that works without JavaScript. No verdict is
 * preselected: saving is a deliberate act. Sends the version the page showed; a 409
 * shows what changed and keeps what the editor typed; a lost session keeps it too.
 */
export function ReviewForm({ claimId, version, sources, initialStatus, onSaved, onSaving, onFailed, formId = "review-form" }: Props) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [state, action, pending] = useActionState(reviewClaimAction, INITIAL_FORM_STATE);
  const [choice, setChoice] = useState(state.values.status ?? initialStatus ?? "");
  const [rationale, setRationale] = useState(state.values.rationale ?? "");
  const [rows, setRows] = useState<EvidenceRow[]>(() => rowsFromValues(state.values, evidenceRowCount(state.values)));
  const [problem, setProblem] = useState<FormError | null>(null);
  const seen = useRef(state.seq);
  const draftKey = `review:${claimId}`;

  useRestoreDraft(draftKey, useCallback((v: Record<string, string>) => {
    setChoice(v.status ?? "");
    setRationale(v.rationale ?? "");
    setRows(rowsFromValues(v, evidenceRowCount(v)));
  }, []));

  useEffect(() => {
    if (state.seq === seen.current) return;
    seen.current = state.seq;
    if (state.ok) {
      clearDraft(draftKey);
      setChoice(""); setRationale(""); setRows([]); setProblem(null);
      onSaved?.(claimId);
    } else {
      if (state.error?.status === 401) saveDraft(draftKey, state.values);
      onFailed?.();
    }
  }, [state, claimId, draftKey, onSaved, onFailed]);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    if (submitter?.name === "intent" && submitter.value !== "save") return;
    if (!choice) {
      event.preventDefault();
      setProblem({ status: 0, code: "no_verdict", message: NO_VERDICT_MESSAGE });
      (event.currentTarget.querySelector('input[name="status"]') as HTMLInputElement | null)?.focus();
      return;
    }
    setProblem(null);
    onSaving?.();
  }

  const needsRationale = choice === "disputed" || choice === "stale";
  const error = problem ?? state.error;
  return (
    <form className="stack panel" id={formId} action={action} onSubmit={onSubmit} noValidate={hydrated} aria-label="Review this claim">
      <input type="hidden" name="claimId" value={claimId} />
      <input type="hidden" name="expectedVersion" value={version} />
      <input type="hidden" name="evidenceRows" value={rows.length} />
      <fieldset className="verdicts">
        <legend>Verdict (you are reviewing version {version})</legend>
        {VERDICTS.map((v) => (
          <label key={v.status}>
            <input type="radio" name="status" value={v.status} required checked={choice === v.status} onChange={() => { setChoice(v.status); setProblem(null); }} /> {v.label}
          </label>
        ))}
      </fieldset>
      <label>
        Rationale{needsRationale ? " (required for this verdict)" : " (required for Disputed and Stale)"}
        <textarea name="rationale" rows={3} value={rationale} onChange={(e) => setRationale(e.target.value)} />
      </label>
      <EvidenceRows rows={rows} setRows={setRows} sources={sources} formId={formId} hydrated={hydrated} />
      <SaveError error={error} onReload={() => { setProblem(null); router.refresh(); }} />
      {state.ok && !onSaved ? <p role="status" className="saved">Verdict saved.</p> : null}
      <button type="submit" name="intent" value="save" disabled={pending}>
        {pending ? "Saving…" : "Save verdict"}
      </button>
    </form>
  );
}
