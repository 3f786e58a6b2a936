import type { Metadata } from "next";
import { cache } from "react";
import { HighlightedText, type SpanHighlight } from "../../_components/highlighted-text";
import { orNotFound } from "../../_components/not-found-on-missing";
import { SourceMeta } from "../../_components/source-meta";
import { StatusBadge } from "../../_components/status-badge";
import { NewClaimPanel } from "../../_components/editing/new-claim-panel";
import { currentActor } from "@/lib/auth/current-actor";
import { canEdit } from "@/lib/auth/roles";
import { getDb } from "@/lib/db";
import { listPeople } from "@/lib/people/list-people";
import { highlightParagraphs } from "@/lib/render/highlight";
import { CodePointIndex } from "@/lib/spans/codepoints";
import { getSource } from "@/lib/sources/get-source";
import { sourceLabel } from "@/lib/sources/label";

export const dynamic = "force-dynamic";

// generateMetadata and the page share one lookup per request.
const loadSource = cache((id: string) => orNotFound(getSource(getDb(), id)));

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: sourceLabel(await loadSource((await params).id)) };
}

export default async function SourcePage({ params, searchParams }: Props) {
  const source = await loadSource((await params).id);
  const existing = (await searchParams).existing === "1";
  const highlights: SpanHighlight[] = source.claims.flatMap((c) => c.spans.map((s) => ({ ...s, claimId: c.id, status: c.status })));
  const editor = canEdit((await currentActor())?.role)
    ? { people: (await listPeople(getDb())).map((p) => ({ id: p.id, name: p.name })) }
    : null;
  const paragraphs = highlightParagraphs(new CodePointIndex(source.text), highlights);

  return (
    <article>
      {existing ? (
        <p role="status" className="panel">
          This text was already stored, so no duplicate was made: this is the existing source.
        </p>
      ) : null}
      <h1>{sourceLabel(source)}</h1>
      <SourceMeta source={source} />
      <div className="two-col">
        <section aria-label="Source text" id="source-text">
          <HighlightedText paragraphs={paragraphs} link />
        </section>
        <aside className="claim-side" aria-label="Claims in this source">
          {editor ? <NewClaimPanel sourceId={source.id} textRootId="source-text" people={editor.people} /> : null}
          <h2>{source.claims.length} claims, in reading order</h2>
          <ol>
            {source.claims.map((c) => (
              <li key={c.id} data-claim-id={c.id}>
                <StatusBadge status={c.status} /> <a href={`/claims/${c.id}`}>{c.text}</a>{" "}
                {c.spans[0] ? <a href={`#span-${c.spans[0].id}`} aria-label={`Show the quote of: ${c.text}`}>¶</a> : null}
              </li>
            ))}
          </ol>
        </aside>
      </div>
    </article>
  );
}
