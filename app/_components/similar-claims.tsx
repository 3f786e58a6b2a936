import type { SimilarClaim } from "@/lib/match/find-similar";
import { LinkSimilarButtons } from "./editing/link-similar-buttons";
import { SimilarItem } from "./editing/similar-while-writing";

/**
 * "Has this been checked before?": the claims most like this one, with their verdicts and
 * why they match; a possible contradiction says so. Editors link one in a click. (The
 * page /claims/{id}/similar; the claim page loads the same list after it loads.)
 */
export function SimilarClaimsSection({ claimId, items, editor }: { claimId: string; items: SimilarClaim[]; editor: boolean }) {
  return (
    <section aria-labelledby="similar-heading" className="similar-claims">
      <h2 id="similar-heading">Similar claims</h2>
      {items.length === 0 ? (
        <p className="muted">No other claim states this in similar words.</p>
      ) : (
        <ul className="claims similar">
          {items.map((i) => (
            <SimilarItem key={i.claim.id} item={i}>
              {editor ? <LinkSimilarButtons claimId={claimId} otherId={i.claim.id} otherText={i.claim.text} /> : null}
            </SimilarItem>
          ))}
        </ul>
      )}
    </section>
  );
}
