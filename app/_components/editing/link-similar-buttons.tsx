"use client";

import { createLinkAction } from "@/app/_actions/links";
import { ActionForm } from "./action-form";

/** Editors: one click links this claim to a similar one — the same claim, corroborating, or contradicting it. */
export function LinkSimilarButtons({ claimId, otherId, otherText }: { claimId: string; otherId: string; otherText: string }) {
  return (
    <ActionForm action={createLinkAction} hidden={{ claimId, linkTarget: otherId }} className="link-similar" label={`Link to “${otherText}”`} inline>
      {(state, pending) =>
        state.ok ? (
          <span role="status" className="saved">Linked.</span>
        ) : (
          <>
            <span className="muted">This claim </span>
            <button type="submit" name="linkKind" value="same-claim" disabled={pending}>is the same claim</button>{" "}
            <button type="submit" name="linkKind" value="corroborates" disabled={pending}>corroborates it</button>{" "}
            <button type="submit" name="linkKind" value="contradicts" disabled={pending}>contradicts it</button>
          </>
        )
      }
    </ActionForm>
  );
}
