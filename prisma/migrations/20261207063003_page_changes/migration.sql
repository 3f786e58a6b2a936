-- Reader-page invalidation (issue 17). The page cache in scripts/server.mjs keeps the
-- rendered HTML of public pages for anonymous readers; it must never serve a page that a
-- committed write has changed, whichever process wrote (an app server, `verbatim ingest`,
-- an import). So the database itself records, inside each writing transaction, which
-- records a write touched: one PageChange row per written row, from the triggers below.
-- Before serving a cached page the cache reads the rows added since it last looked and
-- drops every page that shows a tagged record (a page shows a record when it is that
-- record's page, or links to it; lists and person pages also depend on "list" and
-- "claim-text"). Tags, separated by U+001F:
--   claim:<id>, source:<id>, person:<id>, person:<slug>  a record and everything showing it
--   list        lists of claims, sources and people (a record shown in them changed)
--   claim-text  a claim was added, removed or reworded (person pages list the claims that
--               name the person)
--   all         every page (a user's name, shown in histories, changed)
-- A claim's own update (a verdict, an edit) names the claim, not its source: the source's
-- page links the claim, so it depends on it anyway.
-- Append-only tables (reviews, edits, merges) have insert triggers only: the invariant
-- triggers refuse their updates and deletes. Rows older than ten minutes are deleted by
-- the cache; a cache that finds a gap since it last read drops everything.

-- CreateTable
CREATE TABLE "PageChange" (
    "seq" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "tags" TEXT NOT NULL,
    "at" INTEGER NOT NULL
);

CREATE INDEX "PageChange_at_idx" ON "PageChange"("at");

CREATE TRIGGER "PageChange_Claim_insert"
AFTER INSERT ON "Claim"
BEGIN
  INSERT INTO "PageChange" ("tags", "at") VALUES ('claim:' || ifnull(NEW."id", '') || char(31) || 'source:' || ifnull(NEW."sourceId", '') || char(31) || 'list' || char(31) || 'claim-text', CAST(strftime('%s', 'now') AS INTEGER));
END;

CREATE TRIGGER "PageChange_Claim_update"
AFTER UPDATE ON "Claim"
BEGIN
  INSERT INTO "PageChange" ("tags", "at") VALUES ('claim:' || ifnull(NEW."id", '') || char(31) || 'claim:' || ifnull(OLD."id", '') || char(31) || 'list' || char(31) || CASE WHEN NEW."sourceId" IS NOT OLD."sourceId" THEN 'source:' || ifnull(NEW."sourceId", '') || char(31) || 'source:' || ifnull(OLD."sourceId", '') ELSE '' END || char(31) || CASE WHEN NEW."text" IS NOT OLD."text" THEN 'claim-text' ELSE '' END, CAST(strftime('%s', 'now') AS INTEGER));
END;

CREATE TRIGGER "PageChange_Claim_delete"
AFTER DELETE ON "Claim"
BEGIN
  INSERT INTO "PageChange" ("tags", "at") VALUES ('claim:' || ifnull(OLD."id", '') || char(31) || 'source:' || ifnull(OLD."sourceId", '') || char(31) || 'list' || char(31) || 'claim-text', CAST(strftime('%s', 'now') AS INTEGER));
END;

CREATE TRIGGER "PageChange_Span_insert"
AFTER INSERT ON "Span"
BEGIN
  INSERT INTO "PageChange" ("tags", "at") VALUES ('claim:' || ifnull(NEW."claimId", '') || char(31) || 'source:' || ifnull(NEW."sourceId", ''), CAST(strftime('%s', 'now') AS INTEGER));
END;

CREATE TRIGGER "PageChange_Span_update"
AFTER UPDATE ON "Span"
BEGIN
  INSERT INTO "PageChange" ("tags", "at") VALUES ('claim:' || ifnull(NEW."claimId", '') || char(31) || 'source:' || ifnull(NEW."sourceId", '') || char(31) || 'claim:' || ifnull(OLD."claimId", '') || char(31) || 'source:' || ifnull(OLD."sourceId", ''), CAST(strftime('%s', 'now') AS INTEGER));
END;

CREATE TRIGGER "PageChange_Span_delete"
AFTER DELETE ON "Span"
BEGIN
  INSERT INTO "PageChange" ("tags", "at") VALUES ('claim:' || ifnull(OLD."claimId", '') || char(31) || 'source:' || ifnull(OLD."sourceId", ''), CAST(strftime('%s', 'now') AS INTEGER));
END;

CREATE TRIGGER "PageChange_Attribution_insert"
AFTER INSERT ON "Attribution"
BEGIN
  INSERT INTO "PageChange" ("tags", "at") VALUES ('claim:' || ifnull(NEW."claimId", '') || char(31) || 'person:' || ifnull(NEW."personId", '') || char(31) || 'person:' || ifnull((SELECT "slug" FROM "Person" WHERE "id" = NEW."personId"), '') || char(31) || 'list', CAST(strftime('%s', 'now') AS INTEGER));
END;

CREATE TRIGGER "PageChange_Attribution_update"
AFTER UPDATE ON "Attribution"
BEGIN
  INSERT INTO "PageChange" ("tags", "at") VALUES ('claim:' || ifnull(NEW."claimId", '') || char(31) || 'person:' || ifnull(NEW."personId", '') || char(31) || 'person:' || ifnull((SELECT "slug" FROM "Person" WHERE "id" = NEW."personId"), '') || char(31) || 'list' || char(31) || 'claim:' || ifnull(OLD."claimId", '') || char(31) || 'person:' || ifnull(OLD."personId", '') || char(31) || 'person:' || ifnull((SELECT "slug" FROM "Person" WHERE "id" = OLD."personId"), ''), CAST(strftime('%s', 'now') AS INTEGER));
END;

CREATE TRIGGER "PageChange_Attribution_delete"
AFTER DELETE ON "Attribution"
BEGIN
  INSERT INTO "PageChange" ("tags", "at") VALUES ('claim:' || ifnull(OLD."claimId", '') || char(31) || 'person:' || ifnull(OLD."personId", '') || char(31) || 'person:' || ifnull((SELECT "slug" FROM "Person" WHERE "id" = OLD."personId"), '') || char(31) || 'list', CAST(strftime('%s', 'now') AS INTEGER));
END;

CREATE TRIGGER "PageChange_Review_insert"
AFTER INSERT ON "Review"
BEGIN
  INSERT INTO "PageChange" ("tags", "at") VALUES ('claim:' || ifnull(NEW."claimId", ''), CAST(strftime('%s', 'now') AS INTEGER));
END;

CREATE TRIGGER "PageChange_ClaimEdit_insert"
AFTER INSERT ON "ClaimEdit"
BEGIN
  INSERT INTO "PageChange" ("tags", "at") VALUES ('claim:' || ifnull(NEW."claimId", ''), CAST(strftime('%s', 'now') AS INTEGER));
END;

CREATE TRIGGER "PageChange_ClaimLink_insert"
AFTER INSERT ON "ClaimLink"
BEGIN
  INSERT INTO "PageChange" ("tags", "at") VALUES ('claim:' || ifnull(NEW."fromClaimId", '') || char(31) || 'claim:' || ifnull(NEW."toClaimId", ''), CAST(strftime('%s', 'now') AS INTEGER));
END;

CREATE TRIGGER "PageChange_ClaimLink_update"
AFTER UPDATE ON "ClaimLink"
BEGIN
  INSERT INTO "PageChange" ("tags", "at") VALUES ('claim:' || ifnull(NEW."fromClaimId", '') || char(31) || 'claim:' || ifnull(NEW."toClaimId", '') || char(31) || 'claim:' || ifnull(OLD."fromClaimId", '') || char(31) || 'claim:' || ifnull(OLD."toClaimId", ''), CAST(strftime('%s', 'now') AS INTEGER));
END;

CREATE TRIGGER "PageChange_ClaimLink_delete"
AFTER DELETE ON "ClaimLink"
BEGIN
  INSERT INTO "PageChange" ("tags", "at") VALUES ('claim:' || ifnull(OLD."fromClaimId", '') || char(31) || 'claim:' || ifnull(OLD."toClaimId", ''), CAST(strftime('%s', 'now') AS INTEGER));
END;

CREATE TRIGGER "PageChange_SourceChange_insert"
AFTER INSERT ON "SourceChange"
BEGIN
  INSERT INTO "PageChange" ("tags", "at") VALUES ('claim:' || ifnull(NEW."claimId", '') || char(31) || 'source:' || ifnull(NEW."fromSourceId", '') || char(31) || 'source:' || ifnull(NEW."toSourceId", ''), CAST(strftime('%s', 'now') AS INTEGER));
END;

CREATE TRIGGER "PageChange_SourceChange_update"
AFTER UPDATE ON "SourceChange"
BEGIN
  INSERT INTO "PageChange" ("tags", "at") VALUES ('claim:' || ifnull(NEW."claimId", '') || char(31) || 'source:' || ifnull(NEW."fromSourceId", '') || char(31) || 'source:' || ifnull(NEW."toSourceId", '') || char(31) || 'claim:' || ifnull(OLD."claimId", '') || char(31) || 'source:' || ifnull(OLD."fromSourceId", '') || char(31) || 'source:' || ifnull(OLD."toSourceId", ''), CAST(strftime('%s', 'now') AS INTEGER));
END;

CREATE TRIGGER "PageChange_SourceChange_delete"
AFTER DELETE ON "SourceChange"
BEGIN
  INSERT INTO "PageChange" ("tags", "at") VALUES ('claim:' || ifnull(OLD."claimId", '') || char(31) || 'source:' || ifnull(OLD."fromSourceId", '') || char(31) || 'source:' || ifnull(OLD."toSourceId", ''), CAST(strftime('%s', 'now') AS INTEGER));
END;

CREATE TRIGGER "PageChange_Source_insert"
AFTER INSERT ON "Source"
BEGIN
  INSERT INTO "PageChange" ("tags", "at") VALUES ('source:' || ifnull(NEW."id", '') || char(31) || 'source:' || ifnull(NEW."revisionOf", '') || char(31) || 'list', CAST(strftime('%s', 'now') AS INTEGER));
END;

CREATE TRIGGER "PageChange_Source_update"
AFTER UPDATE ON "Source"
BEGIN
  INSERT INTO "PageChange" ("tags", "at") VALUES ('source:' || ifnull(NEW."id", '') || char(31) || 'source:' || ifnull(NEW."revisionOf", '') || char(31) || 'list' || char(31) || 'source:' || ifnull(OLD."id", '') || char(31) || 'source:' || ifnull(OLD."revisionOf", ''), CAST(strftime('%s', 'now') AS INTEGER));
END;

CREATE TRIGGER "PageChange_Source_delete"
AFTER DELETE ON "Source"
BEGIN
  INSERT INTO "PageChange" ("tags", "at") VALUES ('source:' || ifnull(OLD."id", '') || char(31) || 'source:' || ifnull(OLD."revisionOf", '') || char(31) || 'list', CAST(strftime('%s', 'now') AS INTEGER));
END;

CREATE TRIGGER "PageChange_SourceEdit_insert"
AFTER INSERT ON "SourceEdit"
BEGIN
  INSERT INTO "PageChange" ("tags", "at") VALUES ('source:' || ifnull(NEW."sourceId", ''), CAST(strftime('%s', 'now') AS INTEGER));
END;

CREATE TRIGGER "PageChange_SourceArchive_insert"
AFTER INSERT ON "SourceArchive"
BEGIN
  INSERT INTO "PageChange" ("tags", "at") VALUES ('source:' || ifnull(NEW."sourceId", ''), CAST(strftime('%s', 'now') AS INTEGER));
END;

CREATE TRIGGER "PageChange_SourceArchive_update"
AFTER UPDATE ON "SourceArchive"
BEGIN
  INSERT INTO "PageChange" ("tags", "at") VALUES ('source:' || ifnull(NEW."sourceId", '') || char(31) || 'source:' || ifnull(OLD."sourceId", ''), CAST(strftime('%s', 'now') AS INTEGER));
END;

CREATE TRIGGER "PageChange_SourceArchive_delete"
AFTER DELETE ON "SourceArchive"
BEGIN
  INSERT INTO "PageChange" ("tags", "at") VALUES ('source:' || ifnull(OLD."sourceId", ''), CAST(strftime('%s', 'now') AS INTEGER));
END;

CREATE TRIGGER "PageChange_Person_insert"
AFTER INSERT ON "Person"
BEGIN
  INSERT INTO "PageChange" ("tags", "at") VALUES ('person:' || ifnull(NEW."id", '') || char(31) || 'person:' || ifnull(NEW."slug", '') || char(31) || 'list', CAST(strftime('%s', 'now') AS INTEGER));
END;

CREATE TRIGGER "PageChange_Person_update"
AFTER UPDATE ON "Person"
BEGIN
  INSERT INTO "PageChange" ("tags", "at") VALUES ('person:' || ifnull(NEW."id", '') || char(31) || 'person:' || ifnull(NEW."slug", '') || char(31) || 'list' || char(31) || 'person:' || ifnull(OLD."id", '') || char(31) || 'person:' || ifnull(OLD."slug", ''), CAST(strftime('%s', 'now') AS INTEGER));
END;

CREATE TRIGGER "PageChange_Person_delete"
AFTER DELETE ON "Person"
BEGIN
  INSERT INTO "PageChange" ("tags", "at") VALUES ('person:' || ifnull(OLD."id", '') || char(31) || 'person:' || ifnull(OLD."slug", '') || char(31) || 'list', CAST(strftime('%s', 'now') AS INTEGER));
END;

CREATE TRIGGER "PageChange_PersonAlias_insert"
AFTER INSERT ON "PersonAlias"
BEGIN
  INSERT INTO "PageChange" ("tags", "at") VALUES ('person:' || ifnull(NEW."personId", '') || char(31) || 'person:' || ifnull((SELECT "slug" FROM "Person" WHERE "id" = NEW."personId"), '') || char(31) || 'list', CAST(strftime('%s', 'now') AS INTEGER));
END;

CREATE TRIGGER "PageChange_PersonAlias_update"
AFTER UPDATE ON "PersonAlias"
BEGIN
  INSERT INTO "PageChange" ("tags", "at") VALUES ('person:' || ifnull(NEW."personId", '') || char(31) || 'person:' || ifnull((SELECT "slug" FROM "Person" WHERE "id" = NEW."personId"), '') || char(31) || 'list' || char(31) || 'person:' || ifnull(OLD."personId", '') || char(31) || 'person:' || ifnull((SELECT "slug" FROM "Person" WHERE "id" = OLD."personId"), ''), CAST(strftime('%s', 'now') AS INTEGER));
END;

CREATE TRIGGER "PageChange_PersonAlias_delete"
AFTER DELETE ON "PersonAlias"
BEGIN
  INSERT INTO "PageChange" ("tags", "at") VALUES ('person:' || ifnull(OLD."personId", '') || char(31) || 'person:' || ifnull((SELECT "slug" FROM "Person" WHERE "id" = OLD."personId"), '') || char(31) || 'list', CAST(strftime('%s', 'now') AS INTEGER));
END;

CREATE TRIGGER "PageChange_PersonMerge_insert"
AFTER INSERT ON "PersonMerge"
BEGIN
  INSERT INTO "PageChange" ("tags", "at") VALUES ('person:' || ifnull(NEW."mergedId", '') || char(31) || 'person:' || ifnull(NEW."mergedSlug", '') || char(31) || 'person:' || ifnull(NEW."survivorId", '') || char(31) || 'person:' || ifnull((SELECT "slug" FROM "Person" WHERE "id" = NEW."survivorId"), '') || char(31) || 'list', CAST(strftime('%s', 'now') AS INTEGER));
END;

CREATE TRIGGER "PageChange_User_update"
AFTER UPDATE OF "name" ON "User"
WHEN NEW."name" IS NOT OLD."name"
BEGIN
  INSERT INTO "PageChange" ("tags", "at") VALUES ('all', CAST(strftime('%s', 'now') AS INTEGER));
END;
