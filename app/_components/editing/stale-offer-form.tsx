"use client";

import { reviewClaimAction } from "@/app/_actions/review-claim";
import type { StaleOffer } from "@/lib/links/stale-offers";
import { ActionForm } from "./action-form";

const WHY = { "same-claim": "states the same fact as", contradicts: "contradicts" } as const;

/**
 * An older claim linked to a newer one (the same claim, or contradicting it) may be out of
 * date: a stale review of it, with the newer claim as evidence and a rationale to edit.
 * Shown on both claims' pages; `here` says which one the editor is on.
 */
export function StaleOfferForm({ offer, here }: { offer: StaleOffer; here: "older" | "newer" }) {
  const { older, newer } = offer;
  const rationale = `Superseded: a newer claim (${newer.date}) ${WHY[offer.linkKind]} this one: “${newer.text}”`;
  return (
    <ActionForm
      action={reviewClaimAction}
      hidden={{ claimId: older.id, status: "stale", expectedVersion: String(older.version), evidenceRows: "1", "evidence-type-0": "claim", "evidence-value-0": newer.id }}
      className="stack panel stale-offer"
      label={`Mark “${older.text}” stale`}
    >
      {(state, pending) =>
        state.ok ? (
          <p role="status" className="saved">Marked stale.</p>
        ) : (
          <>
            {here === "older" ? (
              <p>
                A newer claim ({newer.date}) {WHY[offer.linkKind]} this one: <q>{newer.text}</q>. This claim ({older.date}) may be out of date.
              </p>
            ) : (
              <p>
                This claim ({newer.date}) {WHY[offer.linkKind]} an older one: <q>{older.text}</q> ({older.date}), which may be out of date.
              </p>
            )}
            <label>
              Rationale
              <textarea name="rationale" rows={2} key={`r${state.seq}`} defaultValue={state.values.rationale ?? rationale} />
            </label>
            <button type="submit" disabled={pending}>{pending ? "Saving…" : here === "older" ? "Mark this claim stale" : "Mark the older claim stale"}</button>
          </>
        )
      }
    </ActionForm>
  );
}
