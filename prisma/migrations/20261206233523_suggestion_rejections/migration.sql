-- An editor's "no" to a suggested claim (lib/suggestions/). The key is the suggestion's
-- content offsets in code points, "start-end[,start-end…]".
-- CreateTable
CREATE TABLE "SuggestionRejection" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sourceId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "exact" TEXT NOT NULL,
    "actorId" TEXT,
    "actorName" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CHECK ("kind" IN ('direct', 'indirect', 'publication')),
    CHECK ("key" GLOB '[0-9]*-[0-9]*' AND "key" NOT GLOB '*[^0-9,-]*'),
    CONSTRAINT "SuggestionRejection_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "SuggestionRejection_sourceId_key_key" ON "SuggestionRejection"("sourceId", "key");
