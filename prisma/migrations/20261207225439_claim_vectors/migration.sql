-- CreateTable
CREATE TABLE "ClaimVector" (
    "claimId" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "vector" BLOB NOT NULL,
    CONSTRAINT "ClaimVector_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- A vector belongs to the text it was computed from: a new text drops it, and the
-- encoder computes the claim's vector again (lib/match/semantic/embed-claims.ts).
CREATE TRIGGER "ClaimVector_claim_text" AFTER UPDATE OF "text" ON "Claim"
WHEN NEW."text" IS NOT OLD."text"
BEGIN
  DELETE FROM "ClaimVector" WHERE "claimId" = NEW."id";
END;
