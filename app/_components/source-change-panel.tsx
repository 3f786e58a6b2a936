import Link from "next/link";
import type { OpenSourceChange } from "@/lib/revisions/get-source-change";
import { SourceChangeForms } from "./editing/source-change-forms";

const STATUS_WORDS: Record<string, string> = {
  exact: "unchanged",
  moved: "unchanged words, new place",
  changed: "reworded",
  orphaned: "not found in the new revision",
};

/**
 * A claim whose source has a newer revision that changed or dropped its quoted words:
 * the old and new wording side by side, for everyone (it is provenance); editors also
 * get the ways to resolve it. The claim stays on its old revision until then.
 */
export function SourceChangePanel({ claimId, version, change, editor }: { claimId: string; version: number; change: OpenSourceChange; editor: boolean }) {
  const orphaned = change.spans.some((s) => !s.new);
  return (
    <section aria-labelledby="source-change-heading" className="panel source-change">
      <h2 id="source-change-heading">Source changed</h2>
      <p>
        A <Link href={`/sources/${encodeURIComponent(change.toSourceId)}`}>newer revision of the source</Link> no longer says exactly what this
        claim quotes. The claim still points at the revision it was made from until an editor checks it (
        <Link href={`/sources/${encodeURIComponent(change.toSourceId)}/diff?from=${encodeURIComponent(change.fromSourceId)}`}>see every change</Link>).
      </p>
      <ol className="source-change-spans">
        {change.spans.map((s, i) => (
          <li key={i} className="side-by-side">
            <div>
              <strong>Quoted ({STATUS_WORDS[s.status] ?? s.status})</strong>
              <blockquote className="quote-old">“{s.old.exact}”</blockquote>
            </div>
            <div>
              <strong>Now</strong>
              {s.new ? (
                <blockquote className="quote-new">
                  “{s.new.exact}”{s.score !== undefined && s.status === "changed" ? <span className="muted"> (match {Math.round(s.score * 100)}%)</span> : null}
                </blockquote>
              ) : (
                <p className="muted">Not found in the new revision.</p>
              )}
            </div>
          </li>
        ))}
      </ol>
      {editor ? <SourceChangeForms claimId={claimId} version={version} canConfirm={!orphaned} newSourceId={change.toSourceId} /> : null}
    </section>
  );
}
