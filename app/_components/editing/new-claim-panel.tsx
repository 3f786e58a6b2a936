"use client";

import { useEffect, useState } from "react";
import { type ApiError, apiCall } from "./api-call";
import { selectionOffsets } from "./selection-offsets";
import { attributionPayload, type PersonOption, type Speaker, SpeakerFields } from "./speaker-fields";

type Picked = { start: number; end: number; text: string };
type Props = { sourceId: string; textRootId: string; people: PersonOption[] };

/**
 * Select text in the source, add it as a span (several are allowed), write the atomic
 * claim and its attribution, save. Offsets go to the server, which stores the exact
 * characters with their prefix and suffix; what is shown here is only a preview.
 */
export function NewClaimPanel({ sourceId, textRootId, people }: Props) {
  const [selection, setSelection] = useState<Picked | null>(null);
  const [spans, setSpans] = useState<Picked[]>([]);
  const [text, setText] = useState("");
  const [speaker, setSpeaker] = useState<Speaker>({ kind: "direct", personName: "", role: "" });
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    const root = document.getElementById(textRootId);
    if (!root) return;
    const onChange = () => {
      const picked = selectionOffsets(root, document.getSelection());
      if (picked) setSelection(picked);
    };
    document.addEventListener("selectionchange", onChange);
    onChange(); // text selected before the page finished loading
    setReady(true);
    return () => document.removeEventListener("selectionchange", onChange);
  }, [textRootId]);

  const addSpan = () => {
    if (!selection) return;
    if (spans.some((s) => s.start < selection.end && selection.start < s.end)) {
      setError({ status: 0, code: "overlap", message: "That selection overlaps a span already added." });
      return;
    }
    setSpans((list) => [...list, selection].sort((a, b) => a.start - b.start));
    setError(null);
  };

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const chosen = spans.length ? spans : selection ? [selection] : [];
    if (chosen.length === 0) return setError({ status: 0, code: "no_span", message: "Select the words in the source that support the claim." });
    setBusy(true);
    const result = await apiCall<{ id: string }>("POST", "/api/claims", {
      sourceId,
      text,
      spans: chosen.map(({ start, end }) => ({ start, end })),
      attribution: attributionPayload(speaker),
    });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    window.location.assign(`/claims/${result.data.id}`);
  }

  return (
    <form className="stack panel new-claim" onSubmit={submit} aria-label="New claim from a selection" data-ready={ready ? "true" : undefined}>
      <h2>New claim</h2>
      <p className="muted">Select the supporting words in the text, then add them as a span. Surrounding spaces are left out.</p>
      <p data-testid="selection">
        {selection ? (
          <>
            Selected: “<q>{selection.text}</q>” <span className="muted">({selection.start}–{selection.end})</span>
          </>
        ) : (
          <span className="muted">Nothing selected.</span>
        )}
      </p>
      <button type="button" onClick={addSpan} disabled={!selection}>
        Add selection as span
      </button>
      {spans.length ? (
        <ol className="picked-spans">
          {spans.map((s) => (
            <li key={s.start}>
              “{s.text}” <span className="muted">({s.start}–{s.end})</span>{" "}
              <button type="button" onClick={() => setSpans((l) => l.filter((x) => x !== s))}>
                Remove
              </button>
            </li>
          ))}
        </ol>
      ) : null}
      <label>
        Claim (one atomic statement, in your words)
        <textarea name="claimText" rows={3} value={text} required onChange={(e) => setText(e.target.value)} />
      </label>
      <SpeakerFields value={speaker} onChange={setSpeaker} people={people} idPrefix="new" />
      {error ? (
        <div role="alert" className="error">
          {error.message}
          {Array.isArray((error.details as { candidates?: unknown[] } | undefined)?.candidates) ? " Select the exact occurrence you mean." : null}
        </div>
      ) : null}
      <button type="submit" disabled={busy}>
        {busy ? "Saving…" : "Create claim"}
      </button>
    </form>
  );
}
