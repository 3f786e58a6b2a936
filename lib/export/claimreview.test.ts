import { describe, expect, it } from "vitest";
import { claimReviewScript, toClaimReview } from "./claimreview";
import { makeClaim, seededClaim, seededClaims, TEST_CTX, trickyClaim, unknownClaim } from "./test-fixtures";

const REVIEWED = ["rferl-cpc-80-percent-oil-exports", "rferl-cpc-shareholders-chevron-exxon", "caspian-kazakhstan-reliant-on-cpc", "caspian-cpc-closures-politically-motivated"];

/** The seeded claim as if its demo review were a real one. */
const real = (id: string) => {
  const claim = seededClaim(id);
  return { ...claim, reviews: claim.reviews.map((r) => ({ ...r, isDemo: false })) };
};

describe("toClaimReview", () => {
  it("describes real reviews only: null for every unreviewed claim and every demo review", () => {
    for (const claim of seededClaims()) {
      expect(toClaimReview(claim, TEST_CTX), claim.id).toBeNull(); // the seeds' reviews are all demos
      if (REVIEWED.includes(claim.id)) expect(toClaimReview(real(claim.id), TEST_CTX), claim.id).not.toBeNull();
    }
    expect(toClaimReview(unknownClaim(), TEST_CTX)).toBeNull();
  });

  it("follows Google's fact-check markup (publication claim, RFE/RL: no date, title or URL known)", () => {
    const claim = real("rferl-cpc-80-percent-oil-exports");
    expect(toClaimReview(claim, TEST_CTX)).toEqual({
      "@context": "https://schema.org",
      "@type": "ClaimReview",
      url: "https://verbatim.example/claims/rferl-cpc-80-percent-oil-exports",
      claimReviewed: claim.text,
      datePublished: claim.reviews.at(-1)!.createdAt,
      author: { "@type": "Organization", name: "Verbatim", url: "https://verbatim.example" },
      reviewBody: claim.reviews.at(-1)!.rationale,
      reviewRating: { "@type": "Rating", ratingValue: 2, bestRating: 2, worstRating: 1, alternateName: "Supported" },
      itemReviewed: {
        "@type": "Claim",
        author: { "@type": "Organization", name: "RFE/RL" },
        appearance: {
          "@type": "CreativeWork",
          publisher: { "@type": "Organization", name: "RFE/RL" },
          inLanguage: "en",
          archivedAt: "https://verbatim.example/sources/rferl-toqaev-moscow",
        },
      },
    });
  });

  it("rates disputed on the truth scale, stale by its word alone", () => {
    expect(toClaimReview(real("caspian-kazakhstan-reliant-on-cpc"), TEST_CTX)!.reviewRating).toEqual({ "@type": "Rating", alternateName: "Stale" });
    const disputed = toClaimReview(real("caspian-cpc-closures-politically-motivated"), TEST_CTX)!;
    expect(disputed.reviewRating).toMatchObject({ ratingValue: 1, alternateName: "Disputed" });
    expect(disputed.itemReviewed.datePublished).toBe("2024-12-03");
    expect(disputed.itemReviewed.appearance).toMatchObject({
      headline: "Russia's Strategic Moves and Putin's November Visit to Kazakhstan",
      datePublished: "2024-12-03",
    });
    expect(disputed.itemReviewed.appearance).not.toHaveProperty("url");
  });

  it("names the quoted person as the claim's author, and a configured organisation as the reviewer", () => {
    const review = toClaimReview(trickyClaim(), { ...TEST_CTX, organization: { name: "Fact Desk", url: "https://factdesk.example" } })!;
    expect(review.author).toEqual({ "@type": "Organization", name: "Fact Desk", url: "https://factdesk.example" });
    expect(review.itemReviewed.author).toEqual({ "@type": "Person", name: "José Müller", jobTitle: "finance minister" });
    expect(review.itemReviewed.datePublished).toBe("2025-11");
    expect(review.itemReviewed.appearance.url).toBe("https://news.example/articles/2025/réforme?id=5&lang=fr#top");
  });

  it("uses the latest review and omits what is unknown", () => {
    const base = unknownClaim();
    const claim = makeClaim({
      id: "twice-reviewed",
      text: base.text,
      sourceId: "unknown-source",
      sourceText: "Prices: the price rose sharply.",
      source: { title: null, publisher: null, author: null, url: null, publishedAt: null, retrievedAt: null, language: null },
      quotes: [{ exact: "the price rose" }],
      attribution: { kind: "publication", role: null, person: null },
      reviews: [
        { toStatus: "supported", rationale: null, createdAt: "2025-01-01T00:00:00.000Z" },
        { toStatus: "disputed", rationale: "New data.", createdAt: "2025-02-01T00:00:00.000Z" },
      ],
    });
    const review = toClaimReview(claim, TEST_CTX)!;
    expect(review.datePublished).toBe("2025-02-01T00:00:00.000Z");
    expect(review.reviewRating.alternateName).toBe("Disputed");
    expect(review.reviewBody).toBe("New data.");
    // No publisher, so no claim author; nothing about the source but Verbatim's copy.
    expect(review.itemReviewed).toEqual({
      "@type": "Claim",
      appearance: { "@type": "CreativeWork", archivedAt: "https://verbatim.example/sources/unknown-source" },
    });
  });

  it("never publishes a demo review as a rating: not in the API, the bulk export or the page", () => {
    const demo = seededClaim("rferl-cpc-shareholders-chevron-exxon");
    expect(toClaimReview(demo, TEST_CTX)).toBeNull();
    expect(toClaimReview(trickyClaim(), TEST_CTX)).not.toBeNull();
    expect(claimReviewScript(demo, TEST_CTX)).toBeNull();
  });

  it("rates stale honestly (its word, no number), names the fact-checker's address, and takes the claim's author from the byline", () => {
    const base = trickyClaim();
    const stale = { ...base, status: "stale", reviews: [{ ...base.reviews[0]!, toStatus: "stale" }] };
    expect(toClaimReview(stale, TEST_CTX)!.reviewRating).toEqual({ "@type": "Rating", alternateName: "Stale" });
    expect(toClaimReview(base, TEST_CTX)!.reviewRating).toEqual({ "@type": "Rating", ratingValue: 2, bestRating: 2, worstRating: 1, alternateName: "Supported" });
    expect(toClaimReview(base, TEST_CTX)!.author).toEqual({ "@type": "Organization", name: "Verbatim", url: "https://verbatim.example" });
    const byline = { ...base, attribution: { kind: "publication", role: null, person: null } };
    expect(toClaimReview(byline, TEST_CTX)!.itemReviewed.author).toEqual([
      { "@type": "Person", name: "José Müller" },
      { "@type": "Person", name: "Ana de la Cruz" },
    ]);
    expect(toClaimReview(byline, TEST_CTX)!.itemReviewed.appearance.url).toBe(base.source.url);
  });

  it("embeds safely in a <script> element", () => {
    const claim = { ...trickyClaim(), text: "He said </script><script>alert(1)</script>" };
    const script = claimReviewScript(claim, TEST_CTX)!;
    expect(script).not.toContain("<");
    expect(JSON.parse(script)).toEqual(toClaimReview(claim, TEST_CTX));
  });
});
