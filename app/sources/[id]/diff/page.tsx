import type { Metadata } from "next";
import Link from "next/link";
import { orNotFound } from "../../../_components/not-found-on-missing";
import { utcMinute } from "@/lib/dates";
import { readDbFor } from "@/lib/db-read";
import { ID_PATTERN } from "@/lib/ids";
import { diffSideHtml } from "@/lib/render/diff-html";
import { getRevisionDiff } from "@/lib/revisions/get-revision-diff";
import { CodePointIndex } from "@/lib/spans/codepoints";
import { sourceLabel } from "@/lib/sources/label";
import { countOf } from "@/lib/render/plural";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata: Metadata = { title: "Changes between revisions" };

const when = (iso: string | null) => (iso ? utcMinute(iso) : "time unknown");
type Side = Awaited<ReturnType<typeof getRevisionDiff>>["from"];

/** Two revisions side by side: removed words struck on the left, added ones underlined on the right, claims highlighted on both. */
export default async function RevisionDiffPage({ params, searchParams }: Props) {
  const { id } = await params;
  const q = await searchParams;
  const from = typeof q.from === "string" && ID_PATTERN.test(q.from) ? q.from : null;
  const d = await orNotFound(Promise.resolve().then(() => getRevisionDiff(readDbFor(), id, from)));
  const side = (s: Side, which: "old" | "new") =>
    diffSideHtml(new CodePointIndex(s.source.text), which, which === "old" ? d.diff.removed : d.diff.added, s.claimSpans);
  return (
    <article>
      <h1>Changes between revisions</h1>
      <p>
        <Link href={`/sources/${encodeURIComponent(d.to.id)}`}>{sourceLabel(d.to.source)}</Link>: revision {d.from.number} (retrieved {when(d.from.retrievedAt)}) →
        revision {d.to.number} (retrieved {when(d.to.retrievedAt)}).
      </p>
      <form method="get" className="inline-form" aria-label="Choose revisions to compare">
        <label>
          Compare revision{" "}
          <select name="from" defaultValue={d.from.id}>
            {d.revisions.filter((r) => r.id !== d.to.id).map((r) => (
              <option key={r.id} value={r.id}>
                {r.number}
              </option>
            ))}
          </select>
        </label>{" "}
        with revision {d.to.number} <button type="submit">Compare</button>
        <span className="muted"> (other revisions: {d.revisions.filter((r) => r.id !== d.to.id).map((r) => (
          <Link key={r.id} href={`/sources/${encodeURIComponent(r.id)}/diff`}>{r.number} </Link>
        ))})</span>
      </form>
      <p role="status">
        {d.diff.unchanged
          ? "The two texts are identical."
          : `${countOf(d.diff.removedChars, "character")} removed, ${countOf(d.diff.addedChars, "character")} added. ${countOf(d.from.claimSpans.length, "claim span")} on the left, ${countOf(d.to.claimSpans.length, "claim span")} on the right.`}
      </p>
      <div className="diff-cols">
        <section aria-label={`Revision ${d.from.number}`}>
          <h2>Revision {d.from.number}</h2>
          <div className="source-text diff-side" dangerouslySetInnerHTML={{ __html: side(d.from, "old") }} />
        </section>
        <section aria-label={`Revision ${d.to.number}`}>
          <h2>Revision {d.to.number}</h2>
          <div className="source-text diff-side" dangerouslySetInnerHTML={{ __html: side(d.to, "new") }} />
        </section>
      </div>
    </article>
  );
}
