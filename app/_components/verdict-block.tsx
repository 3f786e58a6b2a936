import type { ClaimDetail } from "@/lib/claims/get-claim";
import { EvidenceList } from "./evidence-list";
import { StatusBadge } from "./status-badge";

const when = (iso: string) => `${iso.slice(0, 10)} at ${iso.slice(11, 16)} UTC`;

/** The current verdict: what, by whom and when, why, on what evidence — and whether the claim changed since. */
export function VerdictBlock({ claim, sources }: { claim: Pick<ClaimDetail, "reviews" | "edits" | "changedSinceVerdict">; sources: Record<string, string> }) {
  const latest = claim.reviews[claim.reviews.length - 1];
  if (!latest) return null;
  const edit = claim.changedSinceVerdict ? claim.edits[claim.edits.length - 1] : undefined;
  return (
    <section aria-labelledby="verdict-heading" className="verdict">
      <h2 id="verdict-heading">Verdict</h2>
      <p>
        <StatusBadge status={latest.toStatus} /> {latest.isDemo ? <span className="demo">Demo review</span> : null} by{" "}
        <strong>{latest.reviewerName}</strong> on <time dateTime={latest.createdAt}>{when(latest.createdAt)}</time>
      </p>
      {claim.changedSinceVerdict ? (
        <p className="changed-notice" role="note" data-testid="changed-since-verdict">
          <strong>Changed since its verdict.</strong> The claim was edited{edit ? ` by ${edit.actorName} on ${when(edit.createdAt)}` : ""} after
          this verdict was given; the verdict judged the earlier wording until an editor reviews it again.
        </p>
      ) : null}
      {latest.rationale ? <p className="rationale">{latest.rationale}</p> : <p className="muted">No rationale given.</p>}
      <EvidenceList items={latest.evidence} sources={sources} />
    </section>
  );
}
