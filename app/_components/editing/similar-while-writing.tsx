"use client";

import type { SimilarClaim } from "@/lib/match/find-similar";
import type { ClaimLinkKind } from "@/lib/links/link-text";
import { StatusBadge } from "../status-badge";
import { useSimilar } from "./use-similar";

export const LINK_CHOICES: { kind: ClaimLinkKind; label: string }[] = [
  { kind: "same-claim", label: "Same claim" },
  { kind: "corroborates", label: "Corroborates" },
  { kind: "contradicts", label: "Contradicts" },
];

/**
 * One similar claim: its verdict, text, where it was said, and why it matches. Its page
 * opens in a new tab (an editor in the middle of writing a claim keeps the form).
 */
export function SimilarItem({ item, children }: { item: SimilarClaim; children?: React.ReactNode }) {
  const c = item.claim;
  const who = [c.attribution?.person?.name, c.source.publisher ?? c.source.title, c.source.publishedAt].filter(Boolean).join(" · ");
  return (
    <li data-claim-id={c.id} data-relation={item.relation}>
      <StatusBadge status={c.status} />{" "}
      <a href={`/claims/${encodeURIComponent(c.id)}`} target="_blank" rel="noopener" className="claim-text">{c.text}</a>
      {item.relation === "possible-contradiction" ? <span className="may-contradict"> may contradict this</span> : null}
      <div className="byline">{who}</div>
      <p className="match-reason">{item.reason}</p>
      {children}
    </li>
  );
}

type Props = { text: string; chosen: Map<string, ClaimLinkKind>; onChoose: (id: string, kind: ClaimLinkKind | null) => void };

/**
 * While an editor writes a claim: the closest existing claims, with their verdicts. One
 * click marks one to link (the same claim, corroborating or contradicting it); the links
 * are made with the claim, in the same save.
 */
export function SimilarWhileWriting({ text, chosen, onChoose }: Props) {
  const { items, error } = useSimilar(text);
  if (error) return <p className="muted" role="status">{error}</p>;
  if (!items) return null;
  return (
    <section className="similar-while-writing" aria-label="Checked before?">
      <h3>Checked before?</h3>
      {items.length === 0 ? (
        <p className="muted">No stored claim says this in similar words.</p>
      ) : (
        <ul className="claims similar">
          {items.map((i) => (
            <SimilarItem key={i.claim.id} item={i}>
              <span className="link-choices" role="group" aria-label={`Link to “${i.claim.text}”`}>
                {LINK_CHOICES.map((c) => {
                  const on = chosen.get(i.claim.id) === c.kind;
                  return (
                    <button key={c.kind} type="button" aria-pressed={on} className={on ? "chosen" : "secondary"} onClick={() => onChoose(i.claim.id, on ? null : c.kind)}>
                      {c.label}
                    </button>
                  );
                })}
              </span>
            </SimilarItem>
          ))}
        </ul>
      )}
      {chosen.size ? <p className="hint">Linked when you create the claim: {chosen.size} {chosen.size === 1 ? "claim" : "claims"}.</p> : null}
    </section>
  );
}
