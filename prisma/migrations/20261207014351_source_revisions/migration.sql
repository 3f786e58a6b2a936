-- Sources that change (issue 14): editable metadata with its history, republication,
-- revisions (a new immutable source linked to the previous one), the archived HTTP
-- exchange of a fetched page, and claims waiting on an editor after a revision.
-- CreateTable
CREATE TABLE "SourceEdit" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sourceId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "changes" TEXT NOT NULL,
    "actorId" TEXT,
    "actorName" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CHECK ("kind" IN ('edit', 'revision')),
    CHECK (json_valid("changes") AND json_type("changes") = 'object'),
    CONSTRAINT "SourceEdit_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SourceArchive" (
    "sourceId" TEXT NOT NULL PRIMARY KEY,
    "warc" BLOB NOT NULL,
    "requestedUrl" TEXT NOT NULL,
    "finalUrl" TEXT NOT NULL,
    "redirects" TEXT NOT NULL DEFAULT '[]',
    "status" INTEGER NOT NULL,
    "contentType" TEXT,
    "etag" TEXT,
    "lastModified" TEXT,
    "fetchedAt" DATETIME NOT NULL,
    CHECK (json_valid("redirects") AND json_type("redirects") = 'array'),
    CONSTRAINT "SourceArchive_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SourceChange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "claimId" TEXT NOT NULL,
    "fromSourceId" TEXT NOT NULL,
    "toSourceId" TEXT NOT NULL,
    "spans" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'open',
    "resolvedById" TEXT,
    "resolvedByName" TEXT,
    "resolvedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CHECK ("state" IN ('open', 'confirmed', 'reanchored', 'stale', 'superseded')),
    CHECK (json_valid("spans") AND json_type("spans") = 'array'),
    CHECK ("fromSourceId" <> "toSourceId"),
    CONSTRAINT "SourceChange_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "SourceChange_fromSourceId_fkey" FOREIGN KEY ("fromSourceId") REFERENCES "Source" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "SourceChange_toSourceId_fkey" FOREIGN KEY ("toSourceId") REFERENCES "Source" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- New columns are added in place (not by redefining the tables), so the CHECKs and
-- triggers on "Source" and "Claim" (invariants, search index) stay as they are.
ALTER TABLE "Claim" ADD COLUMN "sourceChanged" BOOLEAN NOT NULL DEFAULT false;
CREATE INDEX "Claim_sourceChanged_idx" ON "Claim"("sourceChanged");
ALTER TABLE "Source" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1 CHECK ("version" >= 1);
ALTER TABLE "Source" ADD COLUMN "metadataOrigin" TEXT NOT NULL DEFAULT '{}' CHECK (json_valid("metadataOrigin") AND json_type("metadataOrigin") = 'object');
ALTER TABLE "Source" ADD COLUMN "republishedFrom" TEXT CHECK ("republishedFrom" IS NULL OR (json_valid("republishedFrom") AND json_type("republishedFrom") = 'object'));
ALTER TABLE "Source" ADD COLUMN "revisionOf" TEXT CONSTRAINT "Source_revisionOf_fkey" REFERENCES "Source" ("id") ON DELETE RESTRICT ON UPDATE CASCADE;
CREATE UNIQUE INDEX "Source_revisionOf_key" ON "Source"("revisionOf");

-- CreateIndex
CREATE INDEX "SourceEdit_sourceId_createdAt_idx" ON "SourceEdit"("sourceId", "createdAt");

-- CreateIndex
CREATE INDEX "SourceChange_claimId_state_idx" ON "SourceChange"("claimId", "state");

-- CreateIndex
CREATE INDEX "SourceChange_state_createdAt_idx" ON "SourceChange"("state", "createdAt");


-- A source's history is appended, never rewritten; an archive is never replaced.
CREATE TRIGGER "SourceEdit_no_update" BEFORE UPDATE ON "SourceEdit"
BEGIN SELECT RAISE(ABORT, 'VERBATIM_APPEND_ONLY: source history cannot be changed'); END;
CREATE TRIGGER "SourceEdit_no_delete" BEFORE DELETE ON "SourceEdit"
BEGIN SELECT RAISE(ABORT, 'VERBATIM_APPEND_ONLY: source history cannot be deleted'); END;
CREATE TRIGGER "SourceArchive_immutable" BEFORE UPDATE ON "SourceArchive"
BEGIN SELECT RAISE(ABORT, 'VERBATIM_ARCHIVE_IMMUTABLE: an archived copy cannot change'); END;
-- The revision link is written once, when the revision is created.
CREATE TRIGGER "Source_revision_immutable" BEFORE UPDATE OF "revisionOf" ON "Source"
WHEN OLD."revisionOf" IS NOT NEW."revisionOf"
BEGIN SELECT RAISE(ABORT, 'VERBATIM_SOURCE_IMMUTABLE: a source''s revision link cannot change'); END;
-- A resolved source change stays resolved.
CREATE TRIGGER "SourceChange_resolved_final" BEFORE UPDATE ON "SourceChange"
WHEN OLD."state" <> 'open'
BEGIN SELECT RAISE(ABORT, 'VERBATIM_APPEND_ONLY: a resolved source change cannot change'); END;

-- A claim carried to a new revision of its source (same quotes, new offsets) is a third
-- kind of history entry.
DROP TRIGGER "ClaimEdit_kind_insert";
CREATE TRIGGER "ClaimEdit_kind_insert"
BEFORE INSERT ON "ClaimEdit"
WHEN NEW."kind" NOT IN ('edit', 'person-merge', 'source-revision') OR json_valid(NEW."changes") = 0
BEGIN
  SELECT RAISE(ABORT, 'VERBATIM_CLAIM_EDIT: kind must be edit, person-merge or source-revision, with JSON changes');
END;
