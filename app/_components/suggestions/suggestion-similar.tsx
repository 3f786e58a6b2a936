"use client";

import { useState } from "react";
import { acceptSuggestionAction } from "@/app/_actions/suggestions";
import { ActionForm } from "../editing/action-form";
import { LINK_CHOICES, SimilarItem } from "../editing/similar-while-writing";
import { useSimilar } from "../editing/use-similar";

type Props = { sourceId: string; suggestionKey: string; text: string; canAccept: boolean };

/**
 * "Checked before?" under a suggested claim: opened, it lists the closest stored claims
 * with their verdicts; one click accepts the suggestion linked to one of them.
 */
export function SuggestionSimilar({ sourceId, suggestionKey, text, canAccept }: Props) {
  const [open, setOpen] = useState(false);
  const { items, error } = useSimilar(text, open, 3);
  return (
    <details className="suggestion-similar" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Checked before?</summary>
      {error ? <p className="muted" role="status">{error}</p> : null}
      {open && !items && !error ? <p className="muted">Looking…</p> : null}
      {items?.length === 0 ? <p className="muted">No stored claim says this in similar words.</p> : null}
      {items?.length ? (
        <ul className="claims similar">
          {items.map((i) => (
            <SimilarItem key={i.claim.id} item={i}>
              {canAccept ? (
                <span className="link-choices">
                  {LINK_CHOICES.map((c) => (
                    <ActionForm key={c.kind} action={acceptSuggestionAction} hidden={{ sourceId, key: suggestionKey, links: `${i.claim.id}:${c.kind}` }} inline label={`Accept, linked as ${c.label.toLowerCase()}`}>
                      {(_s, pending) => <button type="submit" className="secondary" disabled={pending}>Accept · {c.label.toLowerCase()}</button>}
                    </ActionForm>
                  ))}
                </span>
              ) : null}
            </SimilarItem>
          ))}
        </ul>
      ) : null}
    </details>
  );
}
