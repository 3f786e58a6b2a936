-- A verdict belongs to a wording: set when a reviewed claim is edited, cleared by the next review.
ALTER TABLE "Claim" ADD COLUMN "changedSinceVerdict" BOOLEAN NOT NULL DEFAULT false;

-- Existing claims, from their history (lib/claims/changed-since-verdict-sql.ts).
UPDATE "Claim" SET "changedSinceVerdict" = (
  "status" <> 'unreviewed' AND EXISTS (
    SELECT 1 FROM "ClaimEdit" e
    WHERE e."claimId" = "Claim"."id" AND e."kind" = 'edit'
      AND (json_extract(e."changes", '$.text') IS NOT NULL OR json_extract(e."changes", '$.spans') IS NOT NULL
        OR json_extract(e."changes", '$.attribution') IS NOT NULL OR json_extract(e."changes", '$.asOf') IS NOT NULL)
      AND e."version" > COALESCE((SELECT MAX(r."version") FROM "Review" r WHERE r."claimId" = "Claim"."id"), 0)
  )
);

CREATE INDEX "Claim_changedSinceVerdict_idx" ON "Claim"("changedSinceVerdict");
