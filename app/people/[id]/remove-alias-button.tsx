"use client";

import { removeAliasAction } from "@/app/_actions/people";
import { ActionForm } from "@/app/_components/editing/action-form";

/** Editors: remove one alias (the server refuses to remove the person's own name). Works without JavaScript. */
export function RemoveAliasButton({ personId, aliasId, alias }: { personId: string; aliasId: string; alias: string }) {
  return (
    <ActionForm action={removeAliasAction} hidden={{ personId, aliasId }} className="inline" inline>
      {(_state, pending) => (
        <button type="submit" className="copy" disabled={pending} aria-label={`Remove alias ${alias}`}>
          Remove
        </button>
      )}
    </ActionForm>
  );
}
