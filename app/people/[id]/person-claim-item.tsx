import { StatusBadge } from "../../_components/status-badge";

/** One claim in a person's lists: its status, a line saying how it relates to them, its text as a link. */
export function PersonClaimItem({ claim, label, about }: { claim: { id: string; status: string; text: string }; label: string; about?: boolean }) {
  return (
    <li data-claim-id={about ? undefined : claim.id} data-about-claim-id={about ? claim.id : undefined}>
      <div className="byline">
        <StatusBadge status={claim.status} /> <span>{label}</span>
      </div>
      <div className="claim-text">
        <a href={`/claims/${claim.id}`}>{claim.text}</a>
      </div>
    </li>
  );
}
