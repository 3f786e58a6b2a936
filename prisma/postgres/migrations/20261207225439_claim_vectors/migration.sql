-- CreateTable
CREATE TABLE "ClaimVector" (
    "claimId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "vector" BYTEA NOT NULL,

    CONSTRAINT "ClaimVector_pkey" PRIMARY KEY ("claimId")
);

-- AddForeignKey
ALTER TABLE "ClaimVector" ADD CONSTRAINT "ClaimVector_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A vector belongs to the text it was computed from: a new text drops it, and the
-- encoder computes the claim's vector again (lib/match/semantic/embed-claims.ts).
CREATE FUNCTION "ClaimVector_claim_text"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "ClaimVector" WHERE "claimId" = NEW."id";
  RETURN NULL;
END $$;
CREATE TRIGGER "ClaimVector_claim_text" AFTER UPDATE OF "text" ON "Claim"
FOR EACH ROW WHEN (NEW."text" IS DISTINCT FROM OLD."text") EXECUTE FUNCTION "ClaimVector_claim_text"();
