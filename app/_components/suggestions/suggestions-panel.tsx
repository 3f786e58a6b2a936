import Link from "next/link";
import type { SourceSuggestion } from "@/lib/suggestions/suggest-for-source";
import { confidenceLabel, KIND_LABEL, quoteText, speakerLine } from "@/lib/suggestions/suggestion-view";
import type { PersonOption } from "../editing/speaker-fields";
import { RestoreSuggestion, SuggestionActions } from "./suggestion-actions";
import { SuggestionEditForm } from "./suggestion-edit-form";
import { SuggestionSimilar } from "./suggestion-similar";

type Props = {
  sourceId: string;
  items: SourceSuggestion[];
  rejected: number;
  people: PersonOption[];
  /** The claim an accept just created, and the key a reject just hid (for "undo"). */
  accepted: string | null;
  justRejected: string | null;
};

export const suggestionAnchor = (index: number) => `suggestion-${index + 1}`;

/**
 * The source's suggested claims, in reading order, for editors: what was said, by whom
 * (and how the person was matched), whether it is already a claim; accept, edit or reject.
 */
export function SuggestionsPanel({ sourceId, items, rejected, people, accepted, justRejected }: Props) {
  const open = items.filter((s) => !s.existingClaimId).length;
  return (
    <details className="suggestions" id="suggestions" open>
      <summary>
        Suggested claims ({open} new{items.length > open ? `, ${items.length - open} already ${items.length - open === 1 ? "a claim" : "claims"}` : ""})
      </summary>
      {accepted ? (
        <p role="status" className="panel">
          Claim created: <Link href={`/claims/${accepted}`}>open it</Link> to review it.
        </p>
      ) : null}
      {justRejected ? (
        <p role="status" className="panel">
          Suggestion rejected; it will not be proposed again. <RestoreSuggestion sourceId={sourceId} suggestionKey={justRejected} />
        </p>
      ) : null}
      <p className="muted">
        Found in the text by Verbatim: quotations, reported statements and the publication&apos;s own checkable facts. Check each against the text before accepting.
        {rejected ? ` ${rejected} rejected ${rejected === 1 ? "suggestion is" : "suggestions are"} hidden.` : ""}
      </p>
      <ol>
        {items.map((s, i) => {
          const label = quoteText(s).slice(0, 80);
          if (s.existingClaimId) {
            return (
              <li key={s.key} id={suggestionAnchor(i)} className="suggestion made" data-kind={s.kind} data-key={s.key}>
                <Link className="badge badge-made" href={`/claims/${s.existingClaimId}`}>already a claim</Link>{" "}
                <span className="muted">“{label}{label.length < quoteText(s).length ? "…" : ""}”</span>
              </li>
            );
          }
          return (
            <li key={s.key} id={suggestionAnchor(i)} className="suggestion" data-kind={s.kind} data-key={s.key}>
              <span className="badge badge-kind">{KIND_LABEL[s.kind]}</span>{" "}
              <span className="muted">confidence {confidenceLabel(s.confidence)}</span>
              <p className="quote">
                <a href={`#span-sg-${i + 1}`}>“{quoteText(s)}”</a>
              </p>
              <p className="who">{speakerLine(s)}</p>
              <div className="actions">
                <SuggestionActions sourceId={sourceId} suggestionKey={s.key} canAccept={s.kind === "publication" || s.person !== null} label={label} />
              </div>
              <SuggestionSimilar sourceId={sourceId} suggestionKey={s.key} text={s.claim} canAccept={s.kind === "publication" || s.person !== null} />
              <SuggestionEditForm
                sourceId={sourceId}
                suggestionKey={s.key}
                index={i}
                claim={s.claim}
                people={people}
                needsSpeaker={s.kind !== "publication" && s.person === null}
                speaker={{ kind: s.kind, personName: s.person?.id ? (s.person.matchedAlias ?? s.person.name) : (s.person?.name ?? ""), role: s.role ?? "", choice: s.person?.id ?? "" }}
              />
            </li>
          );
        })}
      </ol>
    </details>
  );
}
