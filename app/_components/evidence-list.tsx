import { httpUrl } from "@/lib/render/safe-url";
import { withTextFragment } from "@/lib/render/text-fragment";

type Item = { type: string; url?: string; claimId?: string; text?: string; sourceId?: string; exact?: string; prefix?: string; suffix?: string; note?: string };

/**
 * A verdict's evidence as a person reads it: the quoted words with a link to them in
 * their source (named by its title), web pages, and other claims by their wording.
 */
export function EvidenceList({ items, sources }: { items: unknown[]; sources: Record<string, string> }) {
  if (items.length === 0) return null;
  return (
    <ul className="evidence" aria-label="Evidence">
      {items.map((raw, i) => {
        const e = raw as Item;
        const note = e.note ? <span className="muted"> — {e.note}</span> : null;
        if (e.type === "url") {
          return (
            <li key={i}>
              Web page: {httpUrl(e.url) ? <a href={e.url} rel="nofollow noopener noreferrer">{e.url}</a> : e.url}
              {note}
            </li>
          );
        }
        if (e.type === "claim") {
          return (
            <li key={i}>
              Claim: <a href={`/claims/${encodeURIComponent(e.claimId ?? "")}`}>“{e.text ?? "another claim"}”</a>
              {note}
            </li>
          );
        }
        const page = `/sources/${encodeURIComponent(e.sourceId ?? "")}`;
        if (e.type === "source") {
          return (
            <li key={i}>
              Source revision: <a href={page}>{sources[e.sourceId ?? ""] ?? e.sourceId}</a>
              {note}
            </li>
          );
        }
        const href = withTextFragment(page, [{ exact: e.exact ?? "", prefix: e.prefix, suffix: e.suffix }]);
        return (
          <li key={i}>
            Quote: <q>{e.exact}</q> in <a href={href}>{sources[e.sourceId ?? ""] ?? "a source no longer stored"}</a>
            {note}
          </li>
        );
      })}
    </ul>
  );
}
