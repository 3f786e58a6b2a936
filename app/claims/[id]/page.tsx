import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { cache } from "react";
import { AttributionLine } from "../../_components/attribution-line";
import { CitePanel } from "../../_components/cite-panel";
import { HighlightedText, type SpanHighlight } from "../../_components/highlighted-text";
import { orNotFound } from "../../_components/not-found-on-missing";
import { SourceMeta } from "../../_components/source-meta";
import { StatusBadge } from "../../_components/status-badge";
import { ClaimHistory } from "../../_components/claim-history";
import { VerdictBlock } from "../../_components/verdict-block";
import { historyNames } from "@/lib/claims/history-names";
import { sourceOptions } from "@/lib/sources/source-options";
import { ClaimLinks } from "../../_components/claim-links";
import { RelatedClaimsSection } from "../../_components/related-claims";
import { LinkClaimForm } from "../../_components/editing/link-claim-form";
import { EditClaimForm } from "../../_components/editing/edit-claim-form";
import { ReviewForm } from "../../_components/editing/review-form";
import { currentActor } from "@/lib/auth/current-actor";
import { canEdit } from "@/lib/auth/roles";
import { getClaimWithSourceText } from "@/lib/claims/get-claim-with-source-text";
import { relatedClaims } from "@/lib/claims/related-claims";
import { getDb } from "@/lib/db";
import { personOptions } from "@/lib/people/person-options";
import { formatPartialDate } from "@/lib/dates";
import { readDbFor } from "@/lib/db-read";
import { claimReviewScript } from "@/lib/export/claimreview";
import { publicBaseUrlFromHeaders } from "@/lib/http/base-url";
import { listLinks } from "@/lib/links/list-links";
import { paragraphsAround } from "@/lib/render/highlight";
import { httpUrl } from "@/lib/render/safe-url";
import { withTextFragment } from "@/lib/render/text-fragment";
import { CodePointIndex } from "@/lib/spans/codepoints";
import { sourceLabel } from "@/lib/sources/label";
import { getOpenSourceChange } from "@/lib/revisions/get-source-change";
import { readRevisions } from "@/lib/revisions/read-revisions";
import { SourceChangePanel } from "../../_components/source-change-panel";
import { SimilarClaimsLazy } from "../../_components/similar-claims-lazy";
import { StaleOfferForm } from "../../_components/editing/stale-offer-form";
import { staleOffers } from "@/lib/links/stale-offers";

export const dynamic = "force-dynamic";

/** Similar claims shown on a claim page (those already linked are listed under "Linked claims"). */
const SIMILAR_SHOWN = 5;

// generateMetadata and the page share one lookup per request.
const loadClaim = cache((id: string) => orNotFound(Promise.resolve().then(() => getClaimWithSourceText(readDbFor(), id))));

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  // Only the page answers an unknown id with notFound(): thrown from here as well, the
  // 404 page would stream without its content (blank without JavaScript).
  const found = await loadClaim((await params).id).catch(() => null);
  return { title: found ? found.claim.text : "Not found" };
}

export default async function ClaimPage({ params }: Props) {
  const { claim, sourceText } = await loadClaim((await params).id);
  const highlights: SpanHighlight[] = claim.spans.map((s) => ({ ...s, claimId: claim.id, status: claim.status }));
  const context = paragraphsAround(new CodePointIndex(sourceText), highlights);
  const names = await historyNames(getDb(), claim);
  const ctx = { baseUrl: publicBaseUrlFromHeaders(await headers()) };
  const jsonLd = claimReviewScript(claim, ctx);
  const editor = canEdit((await currentActor())?.role);
  const sourceChange = claim.sourceChanged ? await getOpenSourceChange(getDb(), claim.id) : null;
  const read = readDbFor();
  const [revisions, links, offers] = await Promise.all([
    readRevisions(read, claim.source.id),
    listLinks(read, claim.id),
    editor ? staleOffers(read, claim.id) : [],
  ]);
  const quoted = revisions.find((r) => r.id === claim.source.id)!;
  const newest = revisions.at(-1)!;
  const related = await relatedClaims(
    read,
    { id: claim.id, sourceId: claim.source.id, personId: claim.attribution?.person?.id ?? null, firstStart: claim.spans[0]?.start ?? null },
    new Set(links.map((l) => l.claim.id)), // shown under "Linked claims" already
  );
  // The original page, scrolled to the quote by a text fragment (only for web addresses).
  const original = httpUrl(claim.source.url) && claim.source.url ? withTextFragment(claim.source.url, claim.spans) : null;

  return (
    <article>
      {jsonLd ? <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLd }} /> : null}
      <div className="byline">
        <StatusBadge status={claim.status} />
        <span>version {claim.version}</span>
        {claim.asOf ? <span>as of {formatPartialDate(claim.asOf)}</span> : null}
      </div>
      <h1>{claim.text}</h1>
      <p className="byline">
        <AttributionLine attribution={claim.attribution} publisher={claim.source.publisher} />
      </p>

      <h2>The quote in its source</h2>
      <blockquote className="context" cite={claim.source.url ?? undefined}>
        <HighlightedText paragraphs={context} link={false} />
      </blockquote>
      <p>
        <Link href={`/sources/${claim.source.id}#span-${claim.spans[0]?.id ?? ""}`}>Show in source</Link>
        {" · "}
        {sourceLabel(claim.source)}
        {original ? (
          <>
            {" · "}
            <a href={original} rel="noopener noreferrer" className="original-link">
              Show on the original page
            </a>
          </>
        ) : null}
      </p>

      {sourceChange ? <SourceChangePanel claimId={claim.id} version={claim.version} change={sourceChange} editor={editor} /> : null}
      {!sourceChange && newest.id !== quoted.id ? (
        <p className="panel" role="note">
          This claim quotes revision {quoted.number} of its source; <Link href={`/sources/${encodeURIComponent(newest.id)}`}>revision {newest.number}</Link> is newer (
          <Link href={`/sources/${encodeURIComponent(newest.id)}/diff?from=${encodeURIComponent(quoted.id)}`}>what changed</Link>).
        </p>
      ) : null}

      <VerdictBlock claim={claim} sources={names.sources} />

      {editor ? (
        <section aria-label="Editing">
          <h2>Review</h2>
          <ReviewForm claimId={claim.id} version={claim.version} sources={await sourceOptions(getDb())} />
          <EditClaimForm
            claimId={claim.id}
            version={claim.version}
            verdict={claim.status === "unreviewed" ? null : claim.status}
            text={claim.text}
            speaker={{ kind: claim.attribution?.kind ?? "publication", personName: claim.attribution?.person?.name ?? "", role: claim.attribution?.role ?? "" }}
            people={(await personOptions(getDb())).map((p) => ({ id: p.id, name: p.name }))}
          />
        </section>
      ) : null}

      {links.length || editor ? (
        <section aria-labelledby="links-heading">
          <h2 id="links-heading">Linked claims</h2>
          <ClaimLinks claimId={claim.id} links={links} editor={editor} />
          {offers.map((o) => (
            <StaleOfferForm key={`${o.older.id}-${o.newer.id}`} offer={o} here={o.older.id === claim.id ? "older" : "newer"} />
          ))}
          {editor ? <LinkClaimForm claimId={claim.id} /> : null}
        </section>
      ) : null}

      <section aria-labelledby="similar-heading" className="similar-claims">
        <h2 id="similar-heading">Similar claims</h2>
        <SimilarClaimsLazy claimId={claim.id} editor={editor} linked={links.map((l) => l.claim.id)} shown={SIMILAR_SHOWN} />
      </section>

      <RelatedClaimsSection related={related} speaker={claim.attribution?.person?.name ?? null} />

      <h2>History</h2>
      <ClaimHistory claim={claim} names={names} />

      <h2>Source</h2>
      <p>
        <Link href={`/sources/${claim.source.id}`}>{sourceLabel(claim.source)}</Link>
      </p>
      <SourceMeta source={claim.source} />

      <CitePanel claim={claim} ctx={ctx} />
    </article>
  );
}
