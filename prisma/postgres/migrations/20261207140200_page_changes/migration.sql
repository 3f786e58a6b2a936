-- same data as SQLite migration 20261207125607_claim_status_updated
-- What each write touches, recorded in "PageChange" inside the writing transaction: the
-- same 32 triggers and tags as prisma/migrations/*_page_changes (SQLite); see
-- lib/cache/page-change-triggers.ts. "at" is Unix seconds.

CREATE FUNCTION "PageChange_Attribution_delete_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "PageChange" ("tags", "at") VALUES ('claim:' || coalesce(OLD."claimId", '') || chr(31) || 'person:' || coalesce(OLD."personId", '') || chr(31) || 'person:' || coalesce((SELECT "slug" FROM "Person" WHERE "id" = OLD."personId"), '') || chr(31) || 'list', extract(epoch from now())::integer);
  RETURN NULL;
END
$$;
CREATE TRIGGER "PageChange_Attribution_delete" AFTER DELETE ON "Attribution"
FOR EACH ROW
EXECUTE FUNCTION "PageChange_Attribution_delete_fn"();

CREATE FUNCTION "PageChange_Attribution_insert_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "PageChange" ("tags", "at") VALUES ('claim:' || coalesce(NEW."claimId", '') || chr(31) || 'person:' || coalesce(NEW."personId", '') || chr(31) || 'person:' || coalesce((SELECT "slug" FROM "Person" WHERE "id" = NEW."personId"), '') || chr(31) || 'list', extract(epoch from now())::integer);
  RETURN NULL;
END
$$;
CREATE TRIGGER "PageChange_Attribution_insert" AFTER INSERT ON "Attribution"
FOR EACH ROW
EXECUTE FUNCTION "PageChange_Attribution_insert_fn"();

CREATE FUNCTION "PageChange_Attribution_update_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "PageChange" ("tags", "at") VALUES ('claim:' || coalesce(NEW."claimId", '') || chr(31) || 'person:' || coalesce(NEW."personId", '') || chr(31) || 'person:' || coalesce((SELECT "slug" FROM "Person" WHERE "id" = NEW."personId"), '') || chr(31) || 'list' || chr(31) || 'claim:' || coalesce(OLD."claimId", '') || chr(31) || 'person:' || coalesce(OLD."personId", '') || chr(31) || 'person:' || coalesce((SELECT "slug" FROM "Person" WHERE "id" = OLD."personId"), ''), extract(epoch from now())::integer);
  RETURN NULL;
END
$$;
CREATE TRIGGER "PageChange_Attribution_update" AFTER UPDATE ON "Attribution"
FOR EACH ROW
EXECUTE FUNCTION "PageChange_Attribution_update_fn"();

CREATE FUNCTION "PageChange_Claim_delete_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "PageChange" ("tags", "at") VALUES ('claim:' || coalesce(OLD."id", '') || chr(31) || 'source:' || coalesce(OLD."sourceId", '') || chr(31) || 'list' || chr(31) || 'claim-text', extract(epoch from now())::integer);
  RETURN NULL;
END
$$;
CREATE TRIGGER "PageChange_Claim_delete" AFTER DELETE ON "Claim"
FOR EACH ROW
EXECUTE FUNCTION "PageChange_Claim_delete_fn"();

CREATE FUNCTION "PageChange_Claim_insert_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "PageChange" ("tags", "at") VALUES ('claim:' || coalesce(NEW."id", '') || chr(31) || 'source:' || coalesce(NEW."sourceId", '') || chr(31) || 'list' || chr(31) || 'claim-text', extract(epoch from now())::integer);
  RETURN NULL;
END
$$;
CREATE TRIGGER "PageChange_Claim_insert" AFTER INSERT ON "Claim"
FOR EACH ROW
EXECUTE FUNCTION "PageChange_Claim_insert_fn"();

CREATE FUNCTION "PageChange_Claim_update_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "PageChange" ("tags", "at") VALUES ('claim:' || coalesce(NEW."id", '') || chr(31) || 'claim:' || coalesce(OLD."id", '') || chr(31) || 'list' || chr(31) || CASE WHEN NEW."sourceId" IS DISTINCT FROM OLD."sourceId" THEN 'source:' || coalesce(NEW."sourceId", '') || chr(31) || 'source:' || coalesce(OLD."sourceId", '') ELSE '' END || chr(31) || CASE WHEN NEW."text" IS DISTINCT FROM OLD."text" THEN 'claim-text' ELSE '' END, extract(epoch from now())::integer);
  RETURN NULL;
END
$$;
CREATE TRIGGER "PageChange_Claim_update" AFTER UPDATE ON "Claim"
FOR EACH ROW
EXECUTE FUNCTION "PageChange_Claim_update_fn"();

CREATE FUNCTION "PageChange_ClaimEdit_insert_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "PageChange" ("tags", "at") VALUES ('claim:' || coalesce(NEW."claimId", ''), extract(epoch from now())::integer);
  RETURN NULL;
END
$$;
CREATE TRIGGER "PageChange_ClaimEdit_insert" AFTER INSERT ON "ClaimEdit"
FOR EACH ROW
EXECUTE FUNCTION "PageChange_ClaimEdit_insert_fn"();

CREATE FUNCTION "PageChange_ClaimLink_delete_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "PageChange" ("tags", "at") VALUES ('claim:' || coalesce(OLD."fromClaimId", '') || chr(31) || 'claim:' || coalesce(OLD."toClaimId", ''), extract(epoch from now())::integer);
  RETURN NULL;
END
$$;
CREATE TRIGGER "PageChange_ClaimLink_delete" AFTER DELETE ON "ClaimLink"
FOR EACH ROW
EXECUTE FUNCTION "PageChange_ClaimLink_delete_fn"();

CREATE FUNCTION "PageChange_ClaimLink_insert_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "PageChange" ("tags", "at") VALUES ('claim:' || coalesce(NEW."fromClaimId", '') || chr(31) || 'claim:' || coalesce(NEW."toClaimId", ''), extract(epoch from now())::integer);
  RETURN NULL;
END
$$;
CREATE TRIGGER "PageChange_ClaimLink_insert" AFTER INSERT ON "ClaimLink"
FOR EACH ROW
EXECUTE FUNCTION "PageChange_ClaimLink_insert_fn"();

CREATE FUNCTION "PageChange_ClaimLink_update_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "PageChange" ("tags", "at") VALUES ('claim:' || coalesce(NEW."fromClaimId", '') || chr(31) || 'claim:' || coalesce(NEW."toClaimId", '') || chr(31) || 'claim:' || coalesce(OLD."fromClaimId", '') || chr(31) || 'claim:' || coalesce(OLD."toClaimId", ''), extract(epoch from now())::integer);
  RETURN NULL;
END
$$;
CREATE TRIGGER "PageChange_ClaimLink_update" AFTER UPDATE ON "ClaimLink"
FOR EACH ROW
EXECUTE FUNCTION "PageChange_ClaimLink_update_fn"();

CREATE FUNCTION "PageChange_Person_delete_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "PageChange" ("tags", "at") VALUES ('person:' || coalesce(OLD."id", '') || chr(31) || 'person:' || coalesce(OLD."slug", '') || chr(31) || 'list', extract(epoch from now())::integer);
  RETURN NULL;
END
$$;
CREATE TRIGGER "PageChange_Person_delete" AFTER DELETE ON "Person"
FOR EACH ROW
EXECUTE FUNCTION "PageChange_Person_delete_fn"();

CREATE FUNCTION "PageChange_Person_insert_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "PageChange" ("tags", "at") VALUES ('person:' || coalesce(NEW."id", '') || chr(31) || 'person:' || coalesce(NEW."slug", '') || chr(31) || 'list', extract(epoch from now())::integer);
  RETURN NULL;
END
$$;
CREATE TRIGGER "PageChange_Person_insert" AFTER INSERT ON "Person"
FOR EACH ROW
EXECUTE FUNCTION "PageChange_Person_insert_fn"();

CREATE FUNCTION "PageChange_Person_update_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "PageChange" ("tags", "at") VALUES ('person:' || coalesce(NEW."id", '') || chr(31) || 'person:' || coalesce(NEW."slug", '') || chr(31) || 'list' || chr(31) || 'person:' || coalesce(OLD."id", '') || chr(31) || 'person:' || coalesce(OLD."slug", ''), extract(epoch from now())::integer);
  RETURN NULL;
END
$$;
CREATE TRIGGER "PageChange_Person_update" AFTER UPDATE ON "Person"
FOR EACH ROW
EXECUTE FUNCTION "PageChange_Person_update_fn"();

CREATE FUNCTION "PageChange_PersonAlias_delete_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "PageChange" ("tags", "at") VALUES ('person:' || coalesce(OLD."personId", '') || chr(31) || 'person:' || coalesce((SELECT "slug" FROM "Person" WHERE "id" = OLD."personId"), '') || chr(31) || 'list', extract(epoch from now())::integer);
  RETURN NULL;
END
$$;
CREATE TRIGGER "PageChange_PersonAlias_delete" AFTER DELETE ON "PersonAlias"
FOR EACH ROW
EXECUTE FUNCTION "PageChange_PersonAlias_delete_fn"();

CREATE FUNCTION "PageChange_PersonAlias_insert_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "PageChange" ("tags", "at") VALUES ('person:' || coalesce(NEW."personId", '') || chr(31) || 'person:' || coalesce((SELECT "slug" FROM "Person" WHERE "id" = NEW."personId"), '') || chr(31) || 'list', extract(epoch from now())::integer);
  RETURN NULL;
END
$$;
CREATE TRIGGER "PageChange_PersonAlias_insert" AFTER INSERT ON "PersonAlias"
FOR EACH ROW
EXECUTE FUNCTION "PageChange_PersonAlias_insert_fn"();

CREATE FUNCTION "PageChange_PersonAlias_update_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "PageChange" ("tags", "at") VALUES ('person:' || coalesce(NEW."personId", '') || chr(31) || 'person:' || coalesce((SELECT "slug" FROM "Person" WHERE "id" = NEW."personId"), '') || chr(31) || 'list' || chr(31) || 'person:' || coalesce(OLD."personId", '') || chr(31) || 'person:' || coalesce((SELECT "slug" FROM "Person" WHERE "id" = OLD."personId"), ''), extract(epoch from now())::integer);
  RETURN NULL;
END
$$;
CREATE TRIGGER "PageChange_PersonAlias_update" AFTER UPDATE ON "PersonAlias"
FOR EACH ROW
EXECUTE FUNCTION "PageChange_PersonAlias_update_fn"();

CREATE FUNCTION "PageChange_PersonMerge_insert_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "PageChange" ("tags", "at") VALUES ('person:' || coalesce(NEW."mergedId", '') || chr(31) || 'person:' || coalesce(NEW."mergedSlug", '') || chr(31) || 'person:' || coalesce(NEW."survivorId", '') || chr(31) || 'person:' || coalesce((SELECT "slug" FROM "Person" WHERE "id" = NEW."survivorId"), '') || chr(31) || 'list', extract(epoch from now())::integer);
  RETURN NULL;
END
$$;
CREATE TRIGGER "PageChange_PersonMerge_insert" AFTER INSERT ON "PersonMerge"
FOR EACH ROW
EXECUTE FUNCTION "PageChange_PersonMerge_insert_fn"();

CREATE FUNCTION "PageChange_Review_insert_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "PageChange" ("tags", "at") VALUES ('claim:' || coalesce(NEW."claimId", ''), extract(epoch from now())::integer);
  RETURN NULL;
END
$$;
CREATE TRIGGER "PageChange_Review_insert" AFTER INSERT ON "Review"
FOR EACH ROW
EXECUTE FUNCTION "PageChange_Review_insert_fn"();

CREATE FUNCTION "PageChange_Source_delete_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "PageChange" ("tags", "at") VALUES ('source:' || coalesce(OLD."id", '') || chr(31) || 'source:' || coalesce(OLD."revisionOf", '') || chr(31) || 'list', extract(epoch from now())::integer);
  RETURN NULL;
END
$$;
CREATE TRIGGER "PageChange_Source_delete" AFTER DELETE ON "Source"
FOR EACH ROW
EXECUTE FUNCTION "PageChange_Source_delete_fn"();

CREATE FUNCTION "PageChange_Source_insert_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "PageChange" ("tags", "at") VALUES ('source:' || coalesce(NEW."id", '') || chr(31) || 'source:' || coalesce(NEW."revisionOf", '') || chr(31) || 'list', extract(epoch from now())::integer);
  RETURN NULL;
END
$$;
CREATE TRIGGER "PageChange_Source_insert" AFTER INSERT ON "Source"
FOR EACH ROW
EXECUTE FUNCTION "PageChange_Source_insert_fn"();

CREATE FUNCTION "PageChange_Source_update_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "PageChange" ("tags", "at") VALUES ('source:' || coalesce(NEW."id", '') || chr(31) || 'source:' || coalesce(NEW."revisionOf", '') || chr(31) || 'list' || chr(31) || 'source:' || coalesce(OLD."id", '') || chr(31) || 'source:' || coalesce(OLD."revisionOf", ''), extract(epoch from now())::integer);
  RETURN NULL;
END
$$;
CREATE TRIGGER "PageChange_Source_update" AFTER UPDATE ON "Source"
FOR EACH ROW
EXECUTE FUNCTION "PageChange_Source_update_fn"();

CREATE FUNCTION "PageChange_SourceArchive_delete_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "PageChange" ("tags", "at") VALUES ('source:' || coalesce(OLD."sourceId", ''), extract(epoch from now())::integer);
  RETURN NULL;
END
$$;
CREATE TRIGGER "PageChange_SourceArchive_delete" AFTER DELETE ON "SourceArchive"
FOR EACH ROW
EXECUTE FUNCTION "PageChange_SourceArchive_delete_fn"();

CREATE FUNCTION "PageChange_SourceArchive_insert_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "PageChange" ("tags", "at") VALUES ('source:' || coalesce(NEW."sourceId", ''), extract(epoch from now())::integer);
  RETURN NULL;
END
$$;
CREATE TRIGGER "PageChange_SourceArchive_insert" AFTER INSERT ON "SourceArchive"
FOR EACH ROW
EXECUTE FUNCTION "PageChange_SourceArchive_insert_fn"();

CREATE FUNCTION "PageChange_SourceArchive_update_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "PageChange" ("tags", "at") VALUES ('source:' || coalesce(NEW."sourceId", '') || chr(31) || 'source:' || coalesce(OLD."sourceId", ''), extract(epoch from now())::integer);
  RETURN NULL;
END
$$;
CREATE TRIGGER "PageChange_SourceArchive_update" AFTER UPDATE ON "SourceArchive"
FOR EACH ROW
EXECUTE FUNCTION "PageChange_SourceArchive_update_fn"();

CREATE FUNCTION "PageChange_SourceChange_delete_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "PageChange" ("tags", "at") VALUES ('claim:' || coalesce(OLD."claimId", '') || chr(31) || 'source:' || coalesce(OLD."fromSourceId", '') || chr(31) || 'source:' || coalesce(OLD."toSourceId", ''), extract(epoch from now())::integer);
  RETURN NULL;
END
$$;
CREATE TRIGGER "PageChange_SourceChange_delete" AFTER DELETE ON "SourceChange"
FOR EACH ROW
EXECUTE FUNCTION "PageChange_SourceChange_delete_fn"();

CREATE FUNCTION "PageChange_SourceChange_insert_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "PageChange" ("tags", "at") VALUES ('claim:' || coalesce(NEW."claimId", '') || chr(31) || 'source:' || coalesce(NEW."fromSourceId", '') || chr(31) || 'source:' || coalesce(NEW."toSourceId", ''), extract(epoch from now())::integer);
  RETURN NULL;
END
$$;
CREATE TRIGGER "PageChange_SourceChange_insert" AFTER INSERT ON "SourceChange"
FOR EACH ROW
EXECUTE FUNCTION "PageChange_SourceChange_insert_fn"();

CREATE FUNCTION "PageChange_SourceChange_update_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "PageChange" ("tags", "at") VALUES ('claim:' || coalesce(NEW."claimId", '') || chr(31) || 'source:' || coalesce(NEW."fromSourceId", '') || chr(31) || 'source:' || coalesce(NEW."toSourceId", '') || chr(31) || 'claim:' || coalesce(OLD."claimId", '') || chr(31) || 'source:' || coalesce(OLD."fromSourceId", '') || chr(31) || 'source:' || coalesce(OLD."toSourceId", ''), extract(epoch from now())::integer);
  RETURN NULL;
END
$$;
CREATE TRIGGER "PageChange_SourceChange_update" AFTER UPDATE ON "SourceChange"
FOR EACH ROW
EXECUTE FUNCTION "PageChange_SourceChange_update_fn"();

CREATE FUNCTION "PageChange_SourceEdit_insert_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "PageChange" ("tags", "at") VALUES ('source:' || coalesce(NEW."sourceId", ''), extract(epoch from now())::integer);
  RETURN NULL;
END
$$;
CREATE TRIGGER "PageChange_SourceEdit_insert" AFTER INSERT ON "SourceEdit"
FOR EACH ROW
EXECUTE FUNCTION "PageChange_SourceEdit_insert_fn"();

CREATE FUNCTION "PageChange_Span_delete_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "PageChange" ("tags", "at") VALUES ('claim:' || coalesce(OLD."claimId", '') || chr(31) || 'source:' || coalesce(OLD."sourceId", ''), extract(epoch from now())::integer);
  RETURN NULL;
END
$$;
CREATE TRIGGER "PageChange_Span_delete" AFTER DELETE ON "Span"
FOR EACH ROW
EXECUTE FUNCTION "PageChange_Span_delete_fn"();

CREATE FUNCTION "PageChange_Span_insert_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "PageChange" ("tags", "at") VALUES ('claim:' || coalesce(NEW."claimId", '') || chr(31) || 'source:' || coalesce(NEW."sourceId", ''), extract(epoch from now())::integer);
  RETURN NULL;
END
$$;
CREATE TRIGGER "PageChange_Span_insert" AFTER INSERT ON "Span"
FOR EACH ROW
EXECUTE FUNCTION "PageChange_Span_insert_fn"();

CREATE FUNCTION "PageChange_Span_update_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "PageChange" ("tags", "at") VALUES ('claim:' || coalesce(NEW."claimId", '') || chr(31) || 'source:' || coalesce(NEW."sourceId", '') || chr(31) || 'claim:' || coalesce(OLD."claimId", '') || chr(31) || 'source:' || coalesce(OLD."sourceId", ''), extract(epoch from now())::integer);
  RETURN NULL;
END
$$;
CREATE TRIGGER "PageChange_Span_update" AFTER UPDATE ON "Span"
FOR EACH ROW
EXECUTE FUNCTION "PageChange_Span_update_fn"();

CREATE FUNCTION "PageChange_User_update_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."name" IS DISTINCT FROM OLD."name" THEN
    INSERT INTO "PageChange" ("tags", "at") VALUES ('all', extract(epoch from now())::integer);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER "PageChange_User_update" AFTER UPDATE OF "name" ON "User"
FOR EACH ROW
EXECUTE FUNCTION "PageChange_User_update_fn"();
