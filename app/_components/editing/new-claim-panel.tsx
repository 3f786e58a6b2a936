"use client";

import { useActionState, useCallback, useEffect, useRef, useState } from "react";
import { addClaimAction } from "@/app/_actions/add-claim";
import { INITIAL_FORM_STATE } from "@/lib/http/form-state";
import { SaveError } from "./conflict-notice";
import { QuoteOccurrences } from "./quote-occurrences";
import { saveDraft, useRestoreDraft } from "./draft";
import { useHydrated } from "./hydrated";
import type { ClaimLinkKind } from "@/lib/links/link-text";
import { SimilarWhileWriting } from "./similar-while-writing";
import { selectionOffsets } from "./selection-offsets";
import { type PersonOption, type Speaker, SpeakerFields, speakerCandidates, speakerFromValues } from "./speaker-fields";

type Picked = { start: number; end: number; text: string };
/** `folded`: start closed (the source has suggested claims to go through first); selecting text opens it. */
type Props = { sourceId: string; textRootId: string; people: PersonOption[]; folded?: boolean };

const START: Speaker = { kind: "direct", personName: "", role: "", choice: "" };

/**
 * Select text in the source, add it as a span (several are allowed), or type the quoted
 * words (located in the text as the API locates `exact`); write the atomic claim and its
 * attribution; save. A server action: without JavaScript the typed quote does the work.
 * Offsets go to the server, which stores the exact characters with their context.
 */
export function NewClaimPanel({ sourceId, textRootId, people, folded = false }: Props) {
  const hydrated = useHydrated();
  const [state, action, pending] = useActionState(addClaimAction, INITIAL_FORM_STATE);
  const [selection, setSelection] = useState<Picked | null>(null);
  const [spans, setSpans] = useState<Picked[]>([]);
  const [quote, setQuote] = useState(state.values.quote ?? "");
  const [text, setText] = useState(state.values.claimText ?? "");
  const [speaker, setSpeaker] = useState<Speaker>(speakerFromValues(state.values, START));
  const [problem, setProblem] = useState<string | null>(null);
  const [links, setLinks] = useState<Map<string, ClaimLinkKind>>(new Map());
  const chooseLink = (id: string, kind: ClaimLinkKind | null) =>
    setLinks((m) => {
      const next = new Map(m);
      if (kind) next.set(id, kind);
      else next.delete(id);
      return next;
    });
  const seen = useRef(state.seq);
  const draftKey = `new-claim:${sourceId}`;

  useRestoreDraft(draftKey, useCallback((v: Record<string, string>) => {
    setQuote(v.quote ?? ""); setText(v.claimText ?? ""); setSpeaker(speakerFromValues(v, START));
  }, []));

  useEffect(() => {
    if (state.seq === seen.current) return;
    seen.current = state.seq;
    if (state.error?.status === 401) saveDraft(draftKey, state.values);
  }, [state, draftKey]);

  // On a narrow screen the panel is a sheet at the bottom: folded until the editor opens it.
  const sheet = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (sheet.current && (folded || window.matchMedia("(max-width: 60rem)").matches) && !state.error) sheet.current.open = false;
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    const root = document.getElementById(textRootId);
    if (!root) return;
    const onChange = () => {
      const picked = selectionOffsets(root, document.getSelection());
      if (picked) setSelection(picked);
      if (picked && folded && sheet.current && !sheet.current.open) sheet.current.open = true;
    };
    document.addEventListener("selectionchange", onChange);
    onChange(); // text selected before the page finished loading
    return () => document.removeEventListener("selectionchange", onChange);
  }, [textRootId, folded]);

  const addSpan = () => {
    if (!selection) return;
    if (spans.some((s) => s.start < selection.end && selection.start < s.end)) return setProblem("That selection overlaps a span already added.");
    setSpans((list) => [...list, selection].sort((a, b) => a.start - b.start));
    setProblem(null);
  };

  // The selection counts as a span when none was added and no quote was typed.
  const chosen = spans.length ? spans : selection && !quote.trim() ? [selection] : [];
  function onSubmit(event: React.FormEvent) {
    if (chosen.length === 0 && !quote.trim()) {
      event.preventDefault();
      setProblem("Select the words in the source that support the claim, or type them exactly under “The quoted words”.");
    } else setProblem(null);
  }

  const candidates = speakerCandidates(state.error?.details);
  return (
    // Folded from the server already, so that without JavaScript it does not cover the suggestions either.
    <details className="new-claim-sheet" open={!folded || state.error !== null} ref={sheet}>
      <summary>
        New claim
        {spans.length ? ` (${spans.length} ${spans.length === 1 ? "span" : "spans"})` : selection ? " · words selected" : ""}
      </summary>
      <form className="stack panel new-claim" action={action} onSubmit={onSubmit} noValidate={hydrated} aria-label="New claim from a selection" data-ready={hydrated ? "true" : undefined}>
        <input type="hidden" name="sourceId" value={sourceId} />
        <input type="hidden" name="spans" value={chosen.map((s) => `${s.start}-${s.end}`).join(",")} />
        <input type="hidden" name="links" value={[...links].map(([id, kind]) => `${id}:${kind}`).join(",")} />
        {hydrated ? (
          <>
            <p className="muted">Select the supporting words in the text, then add them as a span. Surrounding spaces are left out.</p>
            <p data-testid="selection">
              {selection ? (
                <>
                  Selected: <q>{selection.text}</q> <span className="muted">({selection.start}–{selection.end})</span>
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
                    <q>{s.text}</q> <span className="muted">({s.start}–{s.end})</span>{" "}
                    <button type="button" onClick={() => setSpans((l) => l.filter((x) => x !== s))}>
                      Remove
                    </button>
                  </li>
                ))}
              </ol>
            ) : null}
          </>
        ) : null}
        <label>
          {hydrated ? "Or type the quoted words exactly" : "The quoted words, exactly as in the text"}
          <textarea name="quote" rows={2} value={quote} onChange={(e) => setQuote(e.target.value)} aria-describedby="quote-hint" />
        </label>
        <p id="quote-hint" className="hint">Found in the text character for character; if the words occur more than once you are asked which.</p>
        {quote.trim() ? <QuoteOccurrences details={state.error?.details} /> : null}
        <label>
          Claim (one atomic statement, in your words)
          <textarea name="claimText" rows={3} value={text} required onChange={(e) => setText(e.target.value)} />
        </label>
        {hydrated ? <SimilarWhileWriting text={text.trim() || quote.trim() || (spans.length ? spans.map((s) => s.text).join(" ") : (selection?.text ?? ""))} chosen={links} onChoose={chooseLink} /> : null}
        <SpeakerFields value={speaker} onChange={setSpeaker} people={people} idPrefix="new" candidates={candidates} hydrated={hydrated} />
        {problem ? <p role="alert" className="error">{problem}</p> : null}
        <SaveError error={problem ? null : state.error} onReload={() => window.location.reload()} />
        <button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Create claim"}
        </button>
      </form>
    </details>
  );
}
