import { countOf } from "@/lib/render/plural";
import type { Metadata } from "next";
import { cache } from "react";
import { HighlightedText, type SpanHighlight } from "../../_components/highlighted-text";
import { orNotFound } from "../../_components/not-found-on-missing";
import { SourceMeta } from "../../_components/source-meta";
import { NewClaimPanel } from "../../_components/editing/new-claim-panel";
import { SuggestionsPanel, suggestionAnchor } from "../../_components/suggestions/suggestions-panel";
import { currentActor } from "@/lib/auth/current-actor";
import { canEdit } from "@/lib/auth/roles";
import { getDb } from "@/lib/db";
import { readDbFor } from "@/lib/db-read";
import { personOptions } from "@/lib/people/person-options";
import { claimListHtml } from "@/lib/render/claim-list-html";
import { highlightParagraphs, type Paragraph } from "@/lib/render/highlight";
import { CodePointIndex } from "@/lib/spans/codepoints";
import { getSourceForPage } from "@/lib/sources/get-source-for-page";
import { sourceLabel } from "@/lib/sources/label";
import { suggestForSource, type SourceSuggestion } from "@/lib/suggestions/suggest-for-source";
import { SUGGESTION_KEY } from "@/lib/suggestions/suggestion-key";
import { ID_PATTERN } from "@/lib/ids";
import { HighlightNav } from "./highlight-nav";
import { ArchiveNote, RevisionChain, SourceHistory } from "./source-record";
import { SourceDetailsForm } from "../../_components/editing/source-details-form";
import { RevisionForm } from "../../_components/editing/revision-form";
import { readSourceRecord } from "@/lib/sources/read-source-record";
import { readRevisions } from "@/lib/revisions/read-revisions";

export const dynamic = "force-dynamic";

// generateMetadata and the page share one lookup per request.
const loadSource = cache((id: string) => orNotFound(Promise.resolve().then(() => getSourceForPage(readDbFor(), id))));

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: sourceLabel(await loadSource((await params).id)) };
}

/** Claim span ids in the order their anchors appear in the text, as HighlightedText renders them. */
const readingOrder = (paragraphs: Paragraph<SpanHighlight>[]): string[] =>
  paragraphs.flatMap((p) => p.segments.flatMap((s) => s.highlights.filter((h) => h.start === s.start && h.status !== "suggested").map((h) => h.id)));

/** Suggestions that are not claims yet, marked in the text and linked to their place in the panel. */
const suggestionHighlights = (items: SourceSuggestion[]): SpanHighlight[] =>
  items.flatMap((s, i) =>
    s.existingClaimId ? [] : s.content.map((c, k) => ({ id: `sg-${i + 1}${k ? `-${k + 1}` : ""}`, start: c.start, end: c.end, claimId: "", status: "suggested", href: `#${suggestionAnchor(i)}` })),
  );

const one = (v: string | string[] | undefined, valid: RegExp) => (typeof v === "string" && valid.test(v) ? v : null);

export default async function SourcePage({ params, searchParams }: Props) {
  const source = await loadSource((await params).id);
  const [record, revisions] = await Promise.all([readSourceRecord(readDbFor(), source.id), readRevisions(readDbFor(), source.id)]);
  const query = await searchParams;
  const moved = { carried: one(query.carried, /^\d{1,6}$/), flagged: one(query.flagged, /^\d{1,6}$/) };
  const existing = query.existing === "1";
  const actor = await currentActor();
  const editor = actor && canEdit(actor.role)
    ? {
        people: (await personOptions(getDb())).map((p) => ({ id: p.id, name: p.name })),
        suggestions: await suggestForSource(getDb(), { actor, sourceId: source.id }),
      }
    : null;
  const highlights: SpanHighlight[] = [
    ...source.claims.flatMap((c) => c.spans.map((s) => ({ ...s, claimId: c.id, status: c.status }))),
    ...(editor ? suggestionHighlights(editor.suggestions.items) : []),
  ];
  const paragraphs = highlightParagraphs(new CodePointIndex(source.text), highlights);
  // ?at=<span id> is the highlight the no-JavaScript "previous / next" links stand on.
  const order = readingOrder(paragraphs);
  const atIndex = typeof query.at === "string" ? order.indexOf(query.at) : -1;
  const around = (delta: number, fallback: number) => order[atIndex === -1 ? fallback : (atIndex + delta + order.length) % order.length] ?? "";

  return (
    <article>
      {existing ? (
        <p role="status" className="panel">
          This text was already stored, so no duplicate was made: this is the existing source.
        </p>
      ) : null}
      {moved.carried !== null && moved.flagged !== null ? (
        <p role="status" className="panel">
          New revision recorded. {countOf(Number(moved.carried), "claim")} moved to it with unchanged quotes;{" "}
          {Number(moved.flagged) > 0 ? (
            <>
              {countOf(Number(moved.flagged), "claim")} stayed on the previous revision, flagged &ldquo;source changed&rdquo; —{" "}
              <a href="/queue?sourceChanged=true">review them</a>.
            </>
          ) : (
            "none needs review."
          )}
        </p>
      ) : null}
      <h1>{sourceLabel(source)}</h1>
      <SourceMeta source={source} origin={record.metadataOrigin} />
      <ArchiveNote sourceId={source.id} archive={record.archive} />
      <RevisionChain current={source.id} revisions={revisions} />
      {editor ? (
        <>
          <SourceDetailsForm source={{ ...source, version: record.version }} />
          {record.nextRevisionId === null ? <RevisionForm sourceId={source.id} url={source.url} /> : null}
        </>
      ) : null}
      <div className="two-col">
        {/* The nav stays outside #source-text: a selection there is turned into offsets in the text. */}
        <div className="source-col">
          {order.length ? (
            <HighlightNav
              count={order.length}
              current={atIndex === -1 ? null : { id: order[atIndex]!, index: atIndex }}
              prevId={around(-1, order.length - 1)}
              nextId={around(1, 0)}
            />
          ) : null}
          <section aria-label="Source text" id="source-text">
            <HighlightedText paragraphs={paragraphs} link current={atIndex === -1 ? undefined : order[atIndex]} />
          </section>
        </div>
        <aside className="claim-side" aria-label="Claims in this source">
          {editor ? (
            <NewClaimPanel sourceId={source.id} textRootId="source-text" people={editor.people} folded={editor.suggestions.items.some((s) => !s.existingClaimId)} />
          ) : null}
          {editor ? (
            <SuggestionsPanel
              sourceId={source.id}
              items={editor.suggestions.items}
              rejected={editor.suggestions.rejected}
              people={editor.people}
              accepted={one(query.accepted, ID_PATTERN)}
              justRejected={one(query.rejected, SUGGESTION_KEY)}
            />
          ) : null}
          <h2>{countOf(source.claims.length, "claim")}, in reading order</h2>
          <ol dangerouslySetInnerHTML={{ __html: claimListHtml(source.claims) }} />
        </aside>
      </div>
      <section aria-labelledby="source-history-heading">
        <h2 id="source-history-heading">History of this source</h2>
        <SourceHistory history={record.history} />
      </section>
    </article>
  );
}
