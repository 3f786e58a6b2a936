"use client";

import { useEffect, useState } from "react";
import type { SimilarClaim } from "@/lib/match/find-similar";
import { SimilarList } from "./similar-claims";

type Props = { claimId: string; editor: boolean; linked: string[]; shown: number };

/**
 * The claim page's "Similar claims", looked up after the page has loaded: matching costs
 * more than the rest of the page, and most views of a claim page do not need it. Without
 * JavaScript the link goes to the same list on a page of its own.
 */
export function SimilarClaimsLazy({ claimId, editor, linked, shown }: Props) {
  const [items, setItems] = useState<SimilarClaim[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const abort = new AbortController();
    fetch(`/api/claims/${encodeURIComponent(claimId)}/similar?limit=${shown + linked.length}`, { signal: abort.signal })
      .then(async (r) => {
        const body = (await r.json()) as { items?: SimilarClaim[]; error?: { message: string } };
        if (!r.ok || !body.items) throw new Error(body.error?.message ?? `HTTP ${r.status}`);
        setItems(body.items.filter((i) => !linked.includes(i.claim.id)).slice(0, shown));
      })
      .catch((err: unknown) => {
        if (!abort.signal.aborted) setError(`Similar claims could not be looked up: ${(err as Error).message}`);
      });
    return () => abort.abort();
  }, [claimId, shown, linked.join(",")]); // eslint-disable-line react-hooks/exhaustive-deps
  const page = `/claims/${encodeURIComponent(claimId)}/similar`;
  if (error) return <p className="muted" role="status">{error} <a href={page}>Try the list page</a>.</p>;
  if (!items) return <p className="muted" data-testid="similar-pending"><a href={page}>Show similar claims</a></p>;
  return <SimilarList claimId={claimId} items={items} editor={editor} />;
}
