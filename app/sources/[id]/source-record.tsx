import Link from "next/link";
import { utcMinute } from "@/lib/dates";
import type { RevisionSummary } from "@/lib/revisions/list-revisions";
import type { SourceRecord } from "@/lib/sources/get-source-record";

const when = utcMinute;

/** The archived copy: a WARC download for a fetched page, or a plain "none" for a pasted text. */
export function ArchiveNote({ sourceId, archive }: { sourceId: string; archive: SourceRecord["archive"] }) {
  if (!archive) {
    return <p className="muted archive-note">No archived copy: this text was pasted, not fetched by Verbatim.</p>;
  }
  return (
    <p className="archive-note">
      Archived copy:{" "}
      <a href={`/sources/${encodeURIComponent(sourceId)}/archive.warc.gz`} download>
        download the WARC file
      </a>{" "}
      <span className="muted">
        (the HTTP exchange as received on {when(archive.fetchedAt)}, from {archive.finalUrl}
        {archive.redirects.length ? `, after ${archive.redirects.length} redirect${archive.redirects.length === 1 ? "" : "s"}` : ""})
      </span>
    </p>
  );
}

/** Every revision of the document, oldest first, with this one marked and a diff link between neighbours. */
export function RevisionChain({ current, revisions }: { current: string; revisions: RevisionSummary[] }) {
  if (revisions.length < 2) return null;
  const newest = revisions.at(-1)!;
  return (
    <section aria-labelledby="revisions-heading" className="panel revisions">
      <h2 id="revisions-heading">Revisions</h2>
      {newest.id !== current ? (
        <p role="status">
          A newer revision of this source exists: <Link href={`/sources/${encodeURIComponent(newest.id)}`}>revision {newest.number}</Link>.
        </p>
      ) : null}
      <ol>
        {revisions.map((r, i) => (
          <li key={r.id} aria-current={r.id === current ? "page" : undefined}>
            {r.id === current ? <strong>Revision {r.number} (this one)</strong> : <Link href={`/sources/${encodeURIComponent(r.id)}`}>Revision {r.number}</Link>}{" "}
            <span className="muted">
              — {r.retrievedAt ? `retrieved ${when(r.retrievedAt)}` : `added ${when(r.createdAt)}`}, {r.claims} claim{r.claims === 1 ? "" : "s"}
              {r.archived ? ", archived" : ""}
            </span>
            {i > 0 ? (
              <>
                {" · "}
                <Link href={`/sources/${encodeURIComponent(r.id)}/diff?from=${encodeURIComponent(revisions[i - 1]!.id)}`}>changes from revision {r.number - 1}</Link>
              </>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

const FIELD_LABELS: Record<string, string> = {
  title: "Title", publisher: "Publisher", author: "Author", url: "URL", publishedAt: "Published", retrievedAt: "Retrieved", language: "Language",
  republishedFrom: "Republishes",
};

function show(v: unknown): string {
  if (v === null || v === undefined) return "unknown";
  if (typeof v === "string") return v;
  if (typeof v === "object") return Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== null).map(([k, x]) => `${k}: ${String(x)}`).join(", ") || "unknown";
  return JSON.stringify(v);
}

/** The source's history, oldest first: metadata edits (before → after) and revision events. */
export function SourceHistory({ history }: { history: SourceRecord["history"] }) {
  if (history.length === 0) return <p className="muted">No changes since the source was added.</p>;
  return (
    <ol className="history">
      {history.map((h) => (
        <li key={h.id}>
          <span className="muted">{when(h.createdAt)}</span> · {h.actorName}:{" "}
          {h.kind === "revision" ? (
            "revisionOf" in h.changes ? (
              <>recorded this text as a new revision of <Link href={`/sources/${encodeURIComponent(String(h.changes.revisionOf?.to))}`}>the previous one</Link></>
            ) : (
              <>recorded <Link href={`/sources/${encodeURIComponent(String(h.changes.nextRevision?.to))}`}>a newer revision</Link></>
            )
          ) : (
            <>
              edited the details (version {h.version})
              <ul>
                {Object.entries(h.changes).map(([field, c]) => (
                  <li key={field}>
                    {FIELD_LABELS[field] ?? field}: <del>{show(c.from)}</del> → <ins>{show(c.to)}</ins>
                  </li>
                ))}
              </ul>
            </>
          )}
        </li>
      ))}
    </ol>
  );
}
