// Claim → schema.org ClaimReview (JSON-LD), per Google's fact-check markup guidance
// (developers.google.com/search/docs/appearance/structured-data/factcheck). One function
// serves both the claim page (embedded <script type="application/ld+json">) and the cite
// API. ClaimReview describes a *review*: an unreviewed claim has none, so we return null
// and let the caller decide (omit the markup, 404, …).
import { parseAuthors } from "./authors";
import { claimStatus, known, latestReview, STATUS_LABEL } from "./claim-facts";
import { appBase, claimPermalink, organization, sourcePermalink } from "./permalinks";
import type { ExportClaim, ExportContext } from "./types";

type Organization = { "@type": "Organization"; name: string; url?: string };
type Person = { "@type": "Person"; name: string; jobTitle?: string; sameAs?: string[] };

export type ClaimReviewJsonLd = {
  "@context": "https://schema.org";
  "@type": "ClaimReview";
  url: string;
  claimReviewed: string;
  datePublished: string;
  author: Organization & { url: string };
  reviewBody?: string;
  reviewRating: {
    "@type": "Rating";
    ratingValue?: number;
    bestRating?: number;
    worstRating?: number;
    alternateName: string;
  };
  itemReviewed: {
    "@type": "Claim";
    author?: Person | Organization | (Person | Organization)[];
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

// The numeric scale says how true the claim is: 1 = disputed (false or misleading as
// checked), 2 = supported. "Stale" says nothing about truth today (it was checked, but
// the facts have moved on), so a stale verdict carries its word (alternateName, which is
// what Google shows) and no number.
const RATING = { disputed: 1, supported: 2 } as const;

/** Seeded demo reviews are labelled "not a real fact-check": never published as a rating, anywhere. */
export type ClaimReviewOptions = Record<string, never>;

/** Who made the claim when no person is attributed: the byline's people (or desk), else the outlet. */
function bylineAuthors(byline: string | null, outlet: Organization | undefined): Person | Organization | (Person | Organization)[] | undefined {
  const names = parseAuthors(byline).map((n): Person | Organization =>
    "literal" in n ? { "@type": "Organization", name: n.literal } : { "@type": "Person", name: [n.given, n["non-dropping-particle"], n.family].filter(Boolean).join(" ") },
  );
  if (names.length === 0) return outlet;
  return names.length === 1 ? names[0] : names;
}

export function toClaimReview(claim: ExportClaim, ctx: ExportContext, _opts: ClaimReviewOptions = {}): ClaimReviewJsonLd | null {
  const status = claimStatus(claim);
  const review = latestReview(claim);
  if (status === "unreviewed" || !review || review.isDemo) return null;
  const org = organization(ctx);
  const src = claim.source;
  const publisher = known(src.publisher);
  const publisherOrg: Organization | undefined = publisher ? { "@type": "Organization", name: publisher } : undefined;
  const person = claim.attribution?.person;
  const role = known(claim.attribution?.role);
  // Who made the claim: the quoted person, or — for the outlet's own assertions — the outlet.
  // Identifiers an editor recorded on the person (e.g. Wikidata): what makes a name unambiguous.
  const sameAs = person?.sameAs ?? [];
  const claimAuthor = person
    ? ({ "@type": "Person", name: person.name, ...(role && { jobTitle: role }), ...(sameAs.length > 0 && { sameAs }) } satisfies Person)
    : bylineAuthors(src.author, publisherOrg);
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
    // The fact-checker, with an address (the configured organisation's, else this Verbatim's).
    author: { "@type": "Organization", name: org.name, url: org.url ?? appBase(ctx) },
    ...(rationale && { reviewBody: rationale }),
    reviewRating:
      status === "stale"
        ? { "@type": "Rating", alternateName: STATUS_LABEL.stale }
        : { "@type": "Rating", ratingValue: RATING[status], bestRating: RATING.supported, worstRating: RATING.disputed, alternateName: STATUS_LABEL[status] },
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
export function claimReviewScript(claim: ExportClaim, ctx: ExportContext): string | null {
  const jsonLd = toClaimReview(claim, ctx);
  return jsonLd && JSON.stringify(jsonLd).replace(/</g, "\\u003c");
}
