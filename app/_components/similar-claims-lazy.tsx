"use client";

import { useSimilarAt } from "./editing/use-similar";
import { SimilarList } from "./similar-claims";

type Props = { claimId: string; editor: boolean; linked: string[]; shown: number };

/**
 * The claim page's "Similar claims", looked up after the page has loaded: matching costs
 * more than the rest of the page, and most views of a claim page do not need it. Without
 * JavaScript the link goes to the same list on a page of its own.
 */
export function SimilarClaimsLazy({ claimId, editor, linked, shown }: Props) {
  const { items: found, error } = useSimilarAt(`/api/claims/${encodeURIComponent(claimId)}/similar?limit=${shown + linked.length}`);
  const items = found?.filter((i) => !linked.includes(i.claim.id)).slice(0, shown) ?? null;
  const page = `/claims/${encodeURIComponent(claimId)}/similar`;
  if (error) return <p className="muted" role="status">{error} <a href={page}>Try the list page</a>.</p>;
  if (!items) return <p className="muted" data-testid="similar-pending"><a href={page}>Show similar claims</a></p>;
  return <SimilarList claimId={claimId} items={items} editor={editor} />;
}
