import Link from "next/link";
import { StatusBadge } from "./status-badge";
import type { RelatedClaim, RelatedClaims } from "@/lib/claims/related-claims";

function ClaimList({ claims, showSource }: { claims: RelatedClaim[]; showSource: boolean }) {
  return (
    <ul className="claims related">
      {claims.map((c) => (
        <li key={c.id} data-claim-id={c.id}>
          <Link href={`/claims/${encodeURIComponent(c.id)}`} className="claim-text">
            {c.text}
          </Link>{" "}
          <StatusBadge status={c.status} />
          {showSource ? <div className="byline">{c.source.label}</div> : null}
        </li>
      ))}
    </ul>
  );
}

/** A few claims to read next: the speaker elsewhere, and the neighbours in this source. */
export function RelatedClaimsSection({ related, speaker }: { related: RelatedClaims; speaker: string | null }) {
  if (related.sameSpeaker.length === 0 && related.sameSource.length === 0) return null;
  return (
    <section aria-labelledby="related-heading" className="related-claims">
      <h2 id="related-heading">Related claims</h2>
      {related.sameSpeaker.length ? (
        <section aria-labelledby="related-speaker" data-related="speaker">
          <h3 id="related-speaker">{speaker ?? "This speaker"} in other sources</h3>
          <ClaimList claims={related.sameSpeaker} showSource />
        </section>
      ) : null}
      {related.sameSource.length ? (
        <section aria-labelledby="related-source" data-related="source">
          <h3 id="related-source">Nearby in the same source</h3>
          <ClaimList claims={related.sameSource} showSource={false} />
        </section>
      ) : null}
    </section>
  );
}
