"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiCall } from "./api-call";

/** Editors: remove one link (from either claim's page); both claims' history keeps a record. */
export function RemoveLinkButton({ claimId, linkId, label }: { claimId: string; linkId: string; label: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function remove() {
    setBusy(true);
    const result = await apiCall("DELETE", `/api/claims/${encodeURIComponent(claimId)}/links/${encodeURIComponent(linkId)}`, undefined);
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setError(null);
    router.refresh();
  }

  return (
    <>
      <button type="button" className="copy" disabled={busy} aria-label={`Remove link: ${label}`} onClick={remove}>
        {busy ? "Removing…" : "Remove link"}
      </button>
      {error ? (
        <span role="alert" className="error">
          {" "}
          {error}
        </span>
      ) : null}
    </>
  );
}
