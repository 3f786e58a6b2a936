"use client";

import { useJsonAction } from "./use-json-action";

/** Editors: remove one alias (the server refuses to remove the person's own name). */
export function RemoveAliasButton({ personId, aliasId, alias }: { personId: string; aliasId: string; alias: string }) {
  const { send, pending, error } = useJsonAction();
  const url = `/api/people/${encodeURIComponent(personId)}/aliases/${encodeURIComponent(aliasId)}`;
  return (
    <>
      <button type="button" className="copy" disabled={pending} aria-label={`Remove alias ${alias}`} onClick={() => send(url, "DELETE")}>
        Remove
      </button>
      {error ? <span role="alert"> {error}</span> : null}
    </>
  );
}
