import type { SimilarClaim } from "@/lib/match/find-similar";
import { LinkSimilarButtons } from "./editing/link-similar-buttons";
import { SimilarItem } from "./editing/similar-while-writing";

/**
 * "Has this been checked before?": the claims most like this one, with their verdicts and
 * why they match; a possible contradiction says so. Editors link one in a click. (The
 * page /claims/{id}/similar; the claim page loads the same list after it loads.)
 */
export function SimilarClaimsSection(props: ListProps) {
  return (
    <section aria-labelledby="similar-heading" className="similar-claims">
      <h2 id="similar-heading">Similar claims</h2>
      <SimilarList {...props} />
    </section>
  );
}

type ListProps = { claimId: string; items: SimilarClaim[]; editor: boolean };

/** The list itself, for the page above and the claim page's list loaded after the page. */
export function SimilarList({ claimId, items, editor }: ListProps) {
  if (items.length === 0) return <p className="muted">No other claim states this in similar words.</p>;
  return (
    <ul className="claims similar">
      {items.map((i) => (
        <SimilarItem key={i.claim.id} item={i}>
          {editor ? <LinkSimilarButtons claimId={claimId} otherId={i.claim.id} otherText={i.claim.text} /> : null}
        </SimilarItem>
      ))}
    </ul>
  );
}
