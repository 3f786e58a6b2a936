import Link from "next/link";
import { RemoveLinkButton } from "./editing/remove-link-button";
import { StatusBadge } from "./status-badge";
import type { ClaimLinkView } from "@/lib/links/list-links";
import { linkPhrase } from "@/lib/links/link-text";

/** A claim's links to claims in other (or the same) sources: "Corroborated by …", with the editor's note. */
export function ClaimLinks({ claimId, links, editor }: { claimId: string; links: ClaimLinkView[]; editor: boolean }) {
  if (links.length === 0) return <p className="muted">No linked claims.</p>;
  return (
    <ul className="claims claim-links">
      {links.map((l) => {
        const phrase = linkPhrase(l.kind, l.direction);
        return (
          <li key={l.id} data-link-id={l.id} data-kind={l.kind} data-direction={l.direction}>
            <span className="link-kind">{phrase}</span>{" "}
            <Link href={`/claims/${encodeURIComponent(l.claim.id)}`} className="claim-text">
              {l.claim.text}
            </Link>{" "}
            <StatusBadge status={l.claim.status} />
            <div className="byline">
              <Link href={`/sources/${encodeURIComponent(l.claim.source.id)}`}>{l.claim.source.label}</Link>
              <span>linked by {l.createdByName}</span>
            </div>
            {l.note ? <p className="link-note">{l.note}</p> : null}
            {editor ? <RemoveLinkButton claimId={claimId} linkId={l.id} label={`${phrase} “${l.claim.text}”`} /> : null}
          </li>
        );
      })}
    </ul>
  );
}
