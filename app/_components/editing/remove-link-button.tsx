"use client";

import { removeLinkAction } from "@/app/_actions/links";
import { ActionForm } from "./action-form";

/** Editors: remove one link (from either claim's page); both claims' history keeps a record. Works without JavaScript. */
export function RemoveLinkButton({ claimId, linkId, label }: { claimId: string; linkId: string; label: string }) {
  return (
    <ActionForm action={removeLinkAction} hidden={{ claimId, linkId }} className="inline" inline>
      {(_state, pending) => (
        <button type="submit" className="copy" disabled={pending} aria-label={`Remove link: ${label}`}>
          {pending ? "Removing…" : "Remove link"}
        </button>
      )}
    </ActionForm>
  );
}
