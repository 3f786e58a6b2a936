"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { type ApiError, apiCall } from "./api-call";
import { SaveError } from "./conflict-notice";

export const VERDICTS = [
  { status: "supported", label: "Supported", key: "s" },
  { status: "disputed", label: "Disputed", key: "d" },
  { status: "stale", label: "Stale", key: "t" },
  { status: "unreviewed", label: "Unreviewed", key: "u" },
] as const;

type EvidenceRow = { type: "url" | "claim" | "span"; value: string; sourceId: string };

function evidencePayload(rows: EvidenceRow[]) {
  return rows
    .filter((r) => r.value.trim())
    .map((r) =>
      r.type === "url"
        ? { type: "url", url: r.value.trim() }
        : r.type === "claim"
          ? { type: "claim", claimId: r.value.trim().replace(/^.*\/claims\//, "") }
          : { type: "span", sourceId: r.sourceId.trim(), span: { exact: r.value } },
    );
}

type Props = { claimId: string; version: number; status: string; initialStatus?: string; onSaved?: () => void; formId?: string };

/**
 * An editor's verdict. Sends the version the page showed; a 409 shows what changed and
 * keeps what the editor typed. Rationale is required for disputed and stale (the server
 * enforces it too).
 */
export function ReviewForm({ claimId, version, status, initialStatus, onSaved, formId = "review-form" }: Props) {
  const router = useRouter();
  const [choice, setChoice] = useState(initialStatus ?? (status === "unreviewed" ? "supported" : status));
  const [rationale, setRationale] = useState("");
  const [evidence, setEvidence] = useState<EvidenceRow[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const needsRationale = choice === "disputed" || choice === "stale";

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await apiCall("POST", `/api/claims/${claimId}/reviews`, {
      status: choice,
      rationale: rationale.trim() || null,
      evidence: evidencePayload(evidence),
      expectedVersion: version,
    });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setError(null);
    setRationale("");
    setEvidence([]);
    router.refresh();
    onSaved?.();
  }

  const setRow = (i: number, patch: Partial<EvidenceRow>) => setEvidence((rows) => rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  return (
    <form className="stack panel" id={formId} onSubmit={submit} aria-label="Review this claim">
      <fieldset className="verdicts">
        <legend>Verdict (you are reviewing version {version})</legend>
        {VERDICTS.map((v) => (
          <label key={v.status}>
            <input type="radio" name="status" value={v.status} checked={choice === v.status} onChange={() => setChoice(v.status)} /> {v.label}
          </label>
        ))}
      </fieldset>
      <label>
        Rationale{needsRationale ? " (required)" : " (optional)"}
        <textarea name="rationale" rows={3} value={rationale} required={needsRationale} onChange={(e) => setRationale(e.target.value)} />
      </label>
      {evidence.map((row, i) => (
        <div key={i} className="field evidence-row">
          <label>
            Evidence {i + 1}
            <select value={row.type} onChange={(e) => setRow(i, { type: e.target.value as EvidenceRow["type"] })}>
              <option value="url">Web page (URL)</option>
              <option value="claim">Another claim (id or link)</option>
              <option value="span">A quote in a source</option>
            </select>
          </label>
          {row.type === "span" ? (
            <label>
              Source id
              <input value={row.sourceId} onChange={(e) => setRow(i, { sourceId: e.target.value })} />
            </label>
          ) : null}
          <label>
            {row.type === "url" ? "URL" : row.type === "claim" ? "Claim" : "Exact quote"}
            <input value={row.value} onChange={(e) => setRow(i, { value: e.target.value })} />
          </label>
          <button type="button" onClick={() => setEvidence((rows) => rows.filter((_, j) => j !== i))}>
            Remove evidence {i + 1}
          </button>
        </div>
      ))}
      <button type="button" onClick={() => setEvidence((rows) => [...rows, { type: "url", value: "", sourceId: "" }])}>
        Add evidence
      </button>
      <SaveError error={error} onReload={() => { setError(null); router.refresh(); }} />
      <button type="submit" disabled={busy}>
        {busy ? "Saving…" : "Save verdict"}
      </button>
    </form>
  );
}
