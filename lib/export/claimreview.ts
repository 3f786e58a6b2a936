// Claim → schema.org ClaimReview (JSON-LD), per Google's fact-check markup guidance
// (developers.google.com/search/docs/appearance/structured-data/factcheck). One function
// serves both the claim page (embedded <script type="application/ld+json">) and the cite
// API. ClaimReview describes a *review*: an unreviewed claim has none, so we return null
// and let the caller decide (omit the markup, 404, …).
import { claimStatus, known, latestReview, STATUS_LABEL } from "./claim-facts";
import { claimPermalink, organization, sourcePermalink } from "./permalinks";
import type { ExportClaim, ExportContext } from "./types";

type Organization = { "@type": "Organization"; name: string; url?: string };
type Person = { "@type": "Person"; name: string; jobTitle?: string };

export type ClaimReviewJsonLd = {
  "@context": "https://schema.org";
  "@type": "ClaimReview";
  url: string;
  claimReviewed: string;
  datePublished: string;
  author: Organization;
  reviewBody?: string;
  reviewRating: {
    "@type": "Rating";
    ratingValue: number;
    bestRating: number;
    worstRating: number;
    alternateName: string;
  };
  itemReviewed: {
    "@type": "Claim";
    author?: Person | Organization;
    datePublished?: string;
    appearance: {
      "@type": "CreativeWork";
      url?: string;
      headline?: string;
      publisher?: Organization;
      datePublished?: string;
      inLanguage?: string;
      archivedAt: string;
    };
  };
};

// A three-step scale, worst to best. "Stale" sits between: it was true when checked but
// needs re-checking, so it is neither confirmed nor refuted today. alternateName carries
// the word, which is what Google shows.
const RATING = { disputed: 1, stale: 2, supported: 3 } as const;

export type ClaimReviewOptions = {
  /**
   * Seeded demo reviews are labelled "not a real fact-check"; publishing them as
   * ClaimReview markup on a public page would tell search engines otherwise. The claim
   * page should pass `excludeDemo: true`; the cite API may show them (the label travels in reviewBody).
   */
  excludeDemo?: boolean;
};

export function toClaimReview(claim: ExportClaim, ctx: ExportContext, opts: ClaimReviewOptions = {}): ClaimReviewJsonLd | null {
  const status = claimStatus(claim);
  const review = latestReview(claim);
  if (status === "unreviewed" || !review) return null;
  if (opts.excludeDemo && review.isDemo) return null;
  const org = organization(ctx);
  const src = claim.source;
  const publisher = known(src.publisher);
  const publisherOrg: Organization | undefined = publisher ? { "@type": "Organization", name: publisher } : undefined;
  const person = claim.attribution?.person;
  const role = known(claim.attribution?.role);
  // Who made the claim: the quoted person, or — for the outlet's own assertions — the outlet.
  const claimAuthor: Person | Organization | undefined = person
    ? { "@type": "Person", name: person.name, ...(role && { jobTitle: role }) }
    : claim.attribution?.kind === "publication"
      ? publisherOrg
      : undefined;
  const title = known(src.title);
  const url = known(src.url);
  const language = known(src.language);
  const rationale = known(review.rationale);
  return {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    url: claimPermalink(claim, ctx),
    claimReviewed: claim.text,
    datePublished: review.createdAt,
    author: { "@type": "Organization", name: org.name, ...(org.url && { url: org.url }) },
    ...(rationale && { reviewBody: rationale }),
    reviewRating: {
      "@type": "Rating",
      ratingValue: RATING[status],
      bestRating: RATING.supported,
      worstRating: RATING.disputed,
      alternateName: STATUS_LABEL[status],
    },
    itemReviewed: {
      "@type": "Claim",
      ...(claimAuthor && { author: claimAuthor }),
      ...(src.publishedAt && { datePublished: src.publishedAt }),
      // `appearance`, not `firstAppearance`: we know the claim appears in this source,
      // not that it appeared here first. archivedAt is Verbatim's verbatim copy of it.
      appearance: {
        "@type": "CreativeWork",
        ...(url && { url }),
        ...(title && { headline: title }),
        ...(publisherOrg && { publisher: publisherOrg }),
        ...(src.publishedAt && { datePublished: src.publishedAt }),
        ...(language && { inLanguage: language }),
        archivedAt: sourcePermalink(claim, ctx),
      },
    },
  };
}

/** For embedding in a page: JSON with "<" escaped so the text cannot close the <script> element. */
export function claimReviewScript(claim: ExportClaim, ctx: ExportContext, opts: ClaimReviewOptions = { excludeDemo: true }): string | null {
  const jsonLd = toClaimReview(claim, ctx, opts);
  return jsonLd && JSON.stringify(jsonLd).replace(/</g, "\\u003c");
}
