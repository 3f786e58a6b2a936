import { describe, expect, it } from "vitest";
import { claimReviewScript, toClaimReview } from "./claimreview";
import { makeClaim, seededClaim, seededClaims, TEST_CTX, trickyClaim, unknownClaim } from "./test-fixtures";

const REVIEWED = ["rferl-cpc-80-percent-oil-exports", "rferl-cpc-shareholders-chevron-exxon", "caspian-kazakhstan-reliant-on-cpc", "caspian-cpc-closures-politically-motivated"];

describe("toClaimReview", () => {
  it("describes reviewed claims only: null for every unreviewed one", () => {
    for (const claim of seededClaims()) {
      const review = toClaimReview(claim, TEST_CTX);
      if (REVIEWED.includes(claim.id)) expect(review, claim.id).not.toBeNull();
      else expect(review, claim.id).toBeNull();
    }
    expect(toClaimReview(unknownClaim(), TEST_CTX)).toBeNull();
  });

  it("follows Google's fact-check markup (publication claim, RFE/RL: no date, title or URL known)", () => {
    const claim = seededClaim("rferl-cpc-80-percent-oil-exports");
    expect(toClaimReview(claim, TEST_CTX)).toEqual({
      "@context": "https://schema.org",
      "@type": "ClaimReview",
      url: "https://verbatim.example/claims/rferl-cpc-80-percent-oil-exports",
      claimReviewed: claim.text,
      datePublished: claim.reviews.at(-1)!.createdAt,
      author: { "@type": "Organization", name: "Verbatim" },
      reviewBody: claim.reviews.at(-1)!.rationale,
      reviewRating: { "@type": "Rating", ratingValue: 3, bestRating: 3, worstRating: 1, alternateName: "Supported" },
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

  it("rates stale and disputed on the same scale", () => {
    expect(toClaimReview(seededClaim("caspian-kazakhstan-reliant-on-cpc"), TEST_CTX)!.reviewRating).toMatchObject({ ratingValue: 2, alternateName: "Stale" });
    const disputed = toClaimReview(seededClaim("caspian-cpc-closures-politically-motivated"), TEST_CTX)!;
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

  it("can leave demo reviews out (the claim page must not publish them as fact-checks)", () => {
    const demo = seededClaim("rferl-cpc-shareholders-chevron-exxon");
    expect(toClaimReview(demo, TEST_CTX, { excludeDemo: true })).toBeNull();
    expect(toClaimReview(trickyClaim(), TEST_CTX, { excludeDemo: true })).not.toBeNull();
    expect(claimReviewScript(demo, TEST_CTX)).toBeNull();
  });

  it("embeds safely in a <script> element", () => {
    const claim = { ...trickyClaim(), text: "He said </script><script>alert(1)</script>" };
    const script = claimReviewScript(claim, TEST_CTX)!;
    expect(script).not.toContain("<");
    expect(JSON.parse(script)).toEqual(toClaimReview(claim, TEST_CTX));
  });
});
