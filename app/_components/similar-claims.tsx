import Link from "next/link";
import type { SimilarClaim } from "@/lib/match/find-similar";
import { formatPartialDate } from "@/lib/dates";
import { LinkSimilarButtons } from "./editing/link-similar-buttons";
import { StatusBadge } from "./status-badge";

/** Where a similar claim was said: its speaker, publication and date. */
export function similarByline(c: SimilarClaim["claim"]): string {
  const who = c.attribution?.person?.name ?? c.source.publisher ?? c.source.title ?? "Unknown source";
  const where = c.attribution?.person ? (c.source.publisher ?? c.source.title) : null;
  const when = c.source.publishedAt ? formatPartialDate(c.source.publishedAt) : null;
  return [who, where, when].filter(Boolean).join(" · ");
}

/**
 * "Has this been checked before?": the claims most like this one, with their verdicts and
 * why they match; a possible contradiction says so. Editors link one in a click.
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
            <li key={i.claim.id} data-claim-id={i.claim.id} data-relation={i.relation}>
              <Link href={`/claims/${encodeURIComponent(i.claim.id)}`} className="claim-text">
                {i.claim.text}
              </Link>{" "}
              <StatusBadge status={i.claim.status} />
              {i.relation === "possible-contradiction" ? <span className="may-contradict"> may contradict this claim</span> : null}
              <div className="byline">{similarByline(i.claim)}</div>
              <p className="match-reason">{i.reason}</p>
              {editor ? <LinkSimilarButtons claimId={claimId} otherId={i.claim.id} otherText={i.claim.text} /> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
