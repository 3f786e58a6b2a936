-- same data as SQLite migration 20261207125607_claim_status_updated
-- Verbatim's invariants on PostgreSQL, enforced by the database itself so that no write
-- path (app, CLI, import, a hand-written SQL session) can store data that breaks them.
-- The same rules, names and messages as prisma/migrations/*_invariants (SQLite); each
-- trigger runs a plpgsql function of the same name with "_fn". In a UTF8 database,
-- substr() and length() count characters, i.e. Unicode code points: the same unit as the
-- offsets (W3C Web Annotation TextPositionSelector).

CREATE FUNCTION verbatim_json_valid(doc text) RETURNS boolean LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  PERFORM doc::json;
  RETURN true;
EXCEPTION WHEN others THEN
  RETURN false;
END
$$;

-- Every span is exactly the source's characters from start to end, with the 32 code
-- points (or fewer, at the text's edges) before and after as prefix and suffix, in the
-- same source as its claim. Bounds are checked first: substr() rejects a negative length.
CREATE FUNCTION "Span_verbatim_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  src text;
  len integer;
  lo integer;
BEGIN
  SELECT s."text", s."length" INTO src, len
    FROM "Source" s JOIN "Claim" c ON c."id" = NEW."claimId" AND c."sourceId" = s."id"
    WHERE s."id" = NEW."sourceId";
  IF src IS NULL OR NEW."start" IS NULL OR NEW."end" IS NULL
     OR NEW."start" < 0 OR NEW."end" <= NEW."start" OR NEW."end" > len THEN
    RAISE EXCEPTION USING MESSAGE = 'VERBATIM_SPAN_MISMATCH: span text, prefix or suffix differs from its source at the given offsets';
  END IF;
  lo := GREATEST(NEW."start" - 32, 0);
  IF substr(src, NEW."start" + 1, NEW."end" - NEW."start") IS DISTINCT FROM NEW."exact"
     OR substr(src, lo + 1, NEW."start" - lo) IS DISTINCT FROM NEW."prefix"
     OR substr(src, NEW."end" + 1, 32) IS DISTINCT FROM NEW."suffix" THEN
    RAISE EXCEPTION USING MESSAGE = 'VERBATIM_SPAN_MISMATCH: span text, prefix or suffix differs from its source at the given offsets';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER "Span_verbatim_insert" BEFORE INSERT ON "Span"
FOR EACH ROW EXECUTE FUNCTION "Span_verbatim_fn"();
CREATE TRIGGER "Span_verbatim_update" BEFORE UPDATE ON "Span"
FOR EACH ROW EXECUTE FUNCTION "Span_verbatim_fn"();

CREATE FUNCTION "Attribution_kind_insert_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."kind" NOT IN ('direct', 'indirect', 'publication') OR (NEW."kind" = 'publication') <> (NEW."personId" IS NULL) THEN
    RAISE EXCEPTION USING MESSAGE = 'VERBATIM_ATTRIBUTION_KIND: direct and indirect attributions name a person; publication attributions do not';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER "Attribution_kind_insert" BEFORE INSERT ON "Attribution"
FOR EACH ROW
EXECUTE FUNCTION "Attribution_kind_insert_fn"();

CREATE FUNCTION "Attribution_kind_update_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."kind" NOT IN ('direct', 'indirect', 'publication') OR (NEW."kind" = 'publication') <> (NEW."personId" IS NULL) THEN
    RAISE EXCEPTION USING MESSAGE = 'VERBATIM_ATTRIBUTION_KIND: direct and indirect attributions name a person; publication attributions do not';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER "Attribution_kind_update" BEFORE UPDATE ON "Attribution"
FOR EACH ROW
EXECUTE FUNCTION "Attribution_kind_update_fn"();

CREATE FUNCTION "Claim_status_insert_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."status" NOT IN ('unreviewed', 'supported', 'disputed', 'stale') OR NEW."version" < 1 THEN
    RAISE EXCEPTION USING MESSAGE = 'VERBATIM_CLAIM_STATUS: status must be unreviewed, supported, disputed or stale';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER "Claim_status_insert" BEFORE INSERT ON "Claim"
FOR EACH ROW
EXECUTE FUNCTION "Claim_status_insert_fn"();

CREATE FUNCTION "Claim_status_update_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."status" NOT IN ('unreviewed', 'supported', 'disputed', 'stale') OR NEW."version" < 1 THEN
    RAISE EXCEPTION USING MESSAGE = 'VERBATIM_CLAIM_STATUS: status must be unreviewed, supported, disputed or stale';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER "Claim_status_update" BEFORE UPDATE OF "status", "version" ON "Claim"
FOR EACH ROW
EXECUTE FUNCTION "Claim_status_update_fn"();

CREATE FUNCTION "ClaimEdit_append_only_delete_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION USING MESSAGE = 'VERBATIM_CLAIM_EDIT_APPEND_ONLY: claim edit history cannot be rewritten';
  RETURN OLD;
END
$$;
CREATE TRIGGER "ClaimEdit_append_only_delete" BEFORE DELETE ON "ClaimEdit"
FOR EACH ROW
EXECUTE FUNCTION "ClaimEdit_append_only_delete_fn"();

CREATE FUNCTION "ClaimEdit_append_only_update_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION USING MESSAGE = 'VERBATIM_CLAIM_EDIT_APPEND_ONLY: claim edit history cannot be rewritten';
  RETURN NEW;
END
$$;
CREATE TRIGGER "ClaimEdit_append_only_update" BEFORE UPDATE ON "ClaimEdit"
FOR EACH ROW
EXECUTE FUNCTION "ClaimEdit_append_only_update_fn"();

CREATE FUNCTION "ClaimEdit_kind_insert_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."kind" NOT IN ('edit', 'person-merge', 'source-revision') OR NOT verbatim_json_valid(NEW."changes") THEN
    RAISE EXCEPTION USING MESSAGE = 'VERBATIM_CLAIM_EDIT: kind must be edit, person-merge or source-revision, with JSON changes';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER "ClaimEdit_kind_insert" BEFORE INSERT ON "ClaimEdit"
FOR EACH ROW
EXECUTE FUNCTION "ClaimEdit_kind_insert_fn"();

CREATE FUNCTION "ClaimLink_kind_insert_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."kind" NOT IN ('corroborates', 'contradicts', 'same-claim') OR NEW."fromClaimId" = NEW."toClaimId" THEN
    RAISE EXCEPTION USING MESSAGE = 'VERBATIM_CLAIM_LINK: a link joins two different claims as corroborates, contradicts or same-claim';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER "ClaimLink_kind_insert" BEFORE INSERT ON "ClaimLink"
FOR EACH ROW
EXECUTE FUNCTION "ClaimLink_kind_insert_fn"();

CREATE FUNCTION "ClaimLink_kind_update_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."kind" NOT IN ('corroborates', 'contradicts', 'same-claim') OR NEW."fromClaimId" = NEW."toClaimId" THEN
    RAISE EXCEPTION USING MESSAGE = 'VERBATIM_CLAIM_LINK: a link joins two different claims as corroborates, contradicts or same-claim';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER "ClaimLink_kind_update" BEFORE UPDATE ON "ClaimLink"
FOR EACH ROW
EXECUTE FUNCTION "ClaimLink_kind_update_fn"();

CREATE FUNCTION "PersonMerge_append_only_delete_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION USING MESSAGE = 'VERBATIM_PERSON_MERGE_APPEND_ONLY: merge history cannot be rewritten';
  RETURN OLD;
END
$$;
CREATE TRIGGER "PersonMerge_append_only_delete" BEFORE DELETE ON "PersonMerge"
FOR EACH ROW
EXECUTE FUNCTION "PersonMerge_append_only_delete_fn"();

CREATE FUNCTION "PersonMerge_append_only_update_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."mergedId" IS DISTINCT FROM OLD."mergedId" OR NEW."mergedName" IS DISTINCT FROM OLD."mergedName" OR NEW."mergedSlug" IS DISTINCT FROM OLD."mergedSlug" OR NEW."claimIds" IS DISTINCT FROM OLD."claimIds" OR NEW."actorName" IS DISTINCT FROM OLD."actorName" OR NEW."createdAt" IS DISTINCT FROM OLD."createdAt" THEN
    RAISE EXCEPTION USING MESSAGE = 'VERBATIM_PERSON_MERGE_APPEND_ONLY: merge history cannot be rewritten';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER "PersonMerge_append_only_update" BEFORE UPDATE ON "PersonMerge"
FOR EACH ROW
EXECUTE FUNCTION "PersonMerge_append_only_update_fn"();

CREATE FUNCTION "Review_append_only_delete_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION USING MESSAGE = 'VERBATIM_REVIEW_APPEND_ONLY: review history cannot be rewritten';
  RETURN OLD;
END
$$;
CREATE TRIGGER "Review_append_only_delete" BEFORE DELETE ON "Review"
FOR EACH ROW
EXECUTE FUNCTION "Review_append_only_delete_fn"();

CREATE FUNCTION "Review_append_only_update_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION USING MESSAGE = 'VERBATIM_REVIEW_APPEND_ONLY: review history cannot be rewritten';
  RETURN NEW;
END
$$;
CREATE TRIGGER "Review_append_only_update" BEFORE UPDATE ON "Review"
FOR EACH ROW
EXECUTE FUNCTION "Review_append_only_update_fn"();

CREATE FUNCTION "Review_status_insert_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."fromStatus" NOT IN ('unreviewed', 'supported', 'disputed', 'stale') OR NEW."toStatus" NOT IN ('unreviewed', 'supported', 'disputed', 'stale') THEN
    RAISE EXCEPTION USING MESSAGE = 'VERBATIM_REVIEW_STATUS: review statuses must be unreviewed, supported, disputed or stale';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER "Review_status_insert" BEFORE INSERT ON "Review"
FOR EACH ROW
EXECUTE FUNCTION "Review_status_insert_fn"();

CREATE FUNCTION "Source_insert_length_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."length" IS DISTINCT FROM length(NEW."text") OR length(NEW."text") = 0 THEN
    RAISE EXCEPTION USING MESSAGE = 'VERBATIM_SOURCE_LENGTH: Source.length must equal the code-point length of a non-empty text';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER "Source_insert_length" BEFORE INSERT ON "Source"
FOR EACH ROW
EXECUTE FUNCTION "Source_insert_length_fn"();

CREATE FUNCTION "Source_revision_immutable_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."revisionOf" IS DISTINCT FROM NEW."revisionOf" THEN
    RAISE EXCEPTION USING MESSAGE = 'VERBATIM_SOURCE_IMMUTABLE: a source''s revision link cannot change';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER "Source_revision_immutable" BEFORE UPDATE OF "revisionOf" ON "Source"
FOR EACH ROW
EXECUTE FUNCTION "Source_revision_immutable_fn"();

CREATE FUNCTION "Source_text_immutable_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."text" IS DISTINCT FROM OLD."text" OR NEW."sha256" IS DISTINCT FROM OLD."sha256" OR NEW."length" IS DISTINCT FROM OLD."length" THEN
    RAISE EXCEPTION USING MESSAGE = 'VERBATIM_SOURCE_IMMUTABLE: a source''s text cannot change after creation';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER "Source_text_immutable" BEFORE UPDATE OF "text", "sha256", "length" ON "Source"
FOR EACH ROW
EXECUTE FUNCTION "Source_text_immutable_fn"();

CREATE FUNCTION "SourceArchive_immutable_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION USING MESSAGE = 'VERBATIM_ARCHIVE_IMMUTABLE: an archived copy cannot change';
  RETURN NEW;
END
$$;
CREATE TRIGGER "SourceArchive_immutable" BEFORE UPDATE ON "SourceArchive"
FOR EACH ROW
EXECUTE FUNCTION "SourceArchive_immutable_fn"();

CREATE FUNCTION "SourceChange_resolved_final_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."state" <> 'open' THEN
    RAISE EXCEPTION USING MESSAGE = 'VERBATIM_APPEND_ONLY: a resolved source change cannot change';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER "SourceChange_resolved_final" BEFORE UPDATE ON "SourceChange"
FOR EACH ROW
EXECUTE FUNCTION "SourceChange_resolved_final_fn"();

CREATE FUNCTION "SourceEdit_no_delete_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION USING MESSAGE = 'VERBATIM_APPEND_ONLY: source history cannot be deleted';
  RETURN OLD;
END
$$;
CREATE TRIGGER "SourceEdit_no_delete" BEFORE DELETE ON "SourceEdit"
FOR EACH ROW
EXECUTE FUNCTION "SourceEdit_no_delete_fn"();

CREATE FUNCTION "SourceEdit_no_update_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION USING MESSAGE = 'VERBATIM_APPEND_ONLY: source history cannot be changed';
  RETURN NEW;
END
$$;
CREATE TRIGGER "SourceEdit_no_update" BEFORE UPDATE ON "SourceEdit"
FOR EACH ROW
EXECUTE FUNCTION "SourceEdit_no_update_fn"();

CREATE FUNCTION "User_role_insert_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."role" NOT IN ('admin', 'editor', 'reader') THEN
    RAISE EXCEPTION USING MESSAGE = 'VERBATIM_USER_ROLE: role must be admin, editor or reader';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER "User_role_insert" BEFORE INSERT ON "User"
FOR EACH ROW
EXECUTE FUNCTION "User_role_insert_fn"();

CREATE FUNCTION "User_role_update_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."role" NOT IN ('admin', 'editor', 'reader') THEN
    RAISE EXCEPTION USING MESSAGE = 'VERBATIM_USER_ROLE: role must be admin, editor or reader';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER "User_role_update" BEFORE UPDATE OF "role" ON "User"
FOR EACH ROW
EXECUTE FUNCTION "User_role_update_fn"();
