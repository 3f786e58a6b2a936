-- same data as SQLite migration 20261207125607_claim_status_updated
-- The full-text indexes' triggers once per statement instead of once per row: a statement
-- that writes many rows (merging a person with 1,000 claims moves 1,000 attributions)
-- re-indexed each claim alone, twice, and took over 5 s; now its claims are re-indexed
-- together, from the statement's old and new rows (transition tables). Same names, same
-- rules: a claim is re-indexed when a column the index shows changes.

CREATE OR REPLACE FUNCTION "ClaimSearch_claim_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM verbatim_search_refresh(ARRAY(SELECT "id" FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM verbatim_search_refresh(ARRAY(SELECT "id" FROM old_rows));
  ELSE
    PERFORM verbatim_search_refresh(ARRAY(
      SELECT n."id" FROM new_rows n LEFT JOIN old_rows o ON o."id" = n."id" WHERE o."id" IS NULL OR n."text" IS DISTINCT FROM o."text" OR n."status" IS DISTINCT FROM o."status" OR n."sourceId" IS DISTINCT FROM o."sourceId"
      UNION SELECT o."id" FROM old_rows o LEFT JOIN new_rows n ON n."id" = o."id" WHERE n."id" IS NULL));
  END IF;
  RETURN NULL;
END
$$;
DROP TRIGGER "ClaimSearch_claim_insert" ON "Claim";
CREATE TRIGGER "ClaimSearch_claim_insert" AFTER INSERT ON "Claim" REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "ClaimSearch_claim_fn"();
DROP TRIGGER "ClaimSearch_claim_update" ON "Claim";
CREATE TRIGGER "ClaimSearch_claim_update" AFTER UPDATE ON "Claim" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "ClaimSearch_claim_fn"();
DROP TRIGGER "ClaimSearch_claim_delete" ON "Claim";
CREATE TRIGGER "ClaimSearch_claim_delete" AFTER DELETE ON "Claim" REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION "ClaimSearch_claim_fn"();

CREATE OR REPLACE FUNCTION "ClaimSearch_span_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM verbatim_search_refresh(ARRAY(SELECT DISTINCT "claimId" FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM verbatim_search_refresh(ARRAY(SELECT DISTINCT "claimId" FROM old_rows));
  ELSE
    PERFORM verbatim_search_refresh(ARRAY(
      SELECT x FROM new_rows n FULL JOIN old_rows o ON o."id" = n."id", LATERAL (VALUES (n."claimId"), (o."claimId")) v(x)
      WHERE x IS NOT NULL AND (n."id" IS NULL OR o."id" IS NULL OR n."claimId" IS DISTINCT FROM o."claimId" OR n."start" IS DISTINCT FROM o."start" OR n."exact" IS DISTINCT FROM o."exact")));
  END IF;
  RETURN NULL;
END
$$;
DROP TRIGGER "ClaimSearch_span_insert" ON "Span";
CREATE TRIGGER "ClaimSearch_span_insert" AFTER INSERT ON "Span" REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "ClaimSearch_span_fn"();
DROP TRIGGER "ClaimSearch_span_update" ON "Span";
CREATE TRIGGER "ClaimSearch_span_update" AFTER UPDATE ON "Span" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "ClaimSearch_span_fn"();
DROP TRIGGER "ClaimSearch_span_delete" ON "Span";
CREATE TRIGGER "ClaimSearch_span_delete" AFTER DELETE ON "Span" REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION "ClaimSearch_span_fn"();

CREATE OR REPLACE FUNCTION "ClaimSearch_attribution_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM verbatim_search_refresh(ARRAY(SELECT DISTINCT "claimId" FROM new_rows WHERE "personId" IS NOT NULL));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM verbatim_search_refresh(ARRAY(SELECT DISTINCT "claimId" FROM old_rows WHERE "personId" IS NOT NULL));
  ELSE
    PERFORM verbatim_search_refresh(ARRAY(
      SELECT x FROM new_rows n FULL JOIN old_rows o ON o."id" = n."id", LATERAL (VALUES (n."claimId"), (o."claimId")) v(x)
      WHERE x IS NOT NULL AND (n."id" IS NULL OR o."id" IS NULL OR n."claimId" IS DISTINCT FROM o."claimId" OR n."personId" IS DISTINCT FROM o."personId")));
  END IF;
  RETURN NULL;
END
$$;
DROP TRIGGER "ClaimSearch_attribution_insert" ON "Attribution";
CREATE TRIGGER "ClaimSearch_attribution_insert" AFTER INSERT ON "Attribution" REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "ClaimSearch_attribution_fn"();
DROP TRIGGER "ClaimSearch_attribution_update" ON "Attribution";
CREATE TRIGGER "ClaimSearch_attribution_update" AFTER UPDATE ON "Attribution" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "ClaimSearch_attribution_fn"();
DROP TRIGGER "ClaimSearch_attribution_delete" ON "Attribution";
CREATE TRIGGER "ClaimSearch_attribution_delete" AFTER DELETE ON "Attribution" REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION "ClaimSearch_attribution_fn"();

CREATE OR REPLACE FUNCTION "ClaimSearch_person_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM verbatim_search_refresh_people(ARRAY(
    SELECT x FROM new_rows n FULL JOIN old_rows o ON o."id" = n."id", LATERAL (VALUES (n."id"), (o."id")) v(x)
    WHERE x IS NOT NULL AND (n."id" IS NULL OR o."id" IS NULL OR n."name" IS DISTINCT FROM o."name")));
  RETURN NULL;
END
$$;
DROP TRIGGER "ClaimSearch_person_update" ON "Person";
CREATE TRIGGER "ClaimSearch_person_update" AFTER UPDATE ON "Person" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "ClaimSearch_person_fn"();

CREATE OR REPLACE FUNCTION "ClaimSearch_alias_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM verbatim_search_refresh_people(ARRAY(SELECT DISTINCT "personId" FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM verbatim_search_refresh_people(ARRAY(SELECT DISTINCT "personId" FROM old_rows));
  ELSE
    PERFORM verbatim_search_refresh_people(ARRAY(
      SELECT x FROM new_rows n FULL JOIN old_rows o ON o."id" = n."id", LATERAL (VALUES (n."personId"), (o."personId")) v(x)
      WHERE x IS NOT NULL AND (n."id" IS NULL OR o."id" IS NULL OR n."personId" IS DISTINCT FROM o."personId" OR n."alias" IS DISTINCT FROM o."alias")));
  END IF;
  RETURN NULL;
END
$$;
DROP TRIGGER "ClaimSearch_alias_insert" ON "PersonAlias";
CREATE TRIGGER "ClaimSearch_alias_insert" AFTER INSERT ON "PersonAlias" REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "ClaimSearch_alias_fn"();
DROP TRIGGER "ClaimSearch_alias_update" ON "PersonAlias";
CREATE TRIGGER "ClaimSearch_alias_update" AFTER UPDATE ON "PersonAlias" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "ClaimSearch_alias_fn"();
DROP TRIGGER "ClaimSearch_alias_delete" ON "PersonAlias";
CREATE TRIGGER "ClaimSearch_alias_delete" AFTER DELETE ON "PersonAlias" REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION "ClaimSearch_alias_fn"();

CREATE OR REPLACE FUNCTION "ClaimSearch_source_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM verbatim_search_refresh(ARRAY(SELECT c."id" FROM "Claim" c WHERE c."sourceId" IN (
    SELECT x FROM new_rows n FULL JOIN old_rows o ON o."id" = n."id", LATERAL (VALUES (n."id"), (o."id")) v(x)
    WHERE x IS NOT NULL AND (n."id" IS NULL OR o."id" IS NULL OR n."title" IS DISTINCT FROM o."title" OR n."publisher" IS DISTINCT FROM o."publisher"))));
  RETURN NULL;
END
$$;
DROP TRIGGER "ClaimSearch_source_update" ON "Source";
CREATE TRIGGER "ClaimSearch_source_update" AFTER UPDATE ON "Source" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "ClaimSearch_source_fn"();

CREATE OR REPLACE FUNCTION "ClaimMatch_claim_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM verbatim_match_refresh(ARRAY(SELECT "id" FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM verbatim_match_refresh(ARRAY(SELECT "id" FROM old_rows));
  ELSE
    PERFORM verbatim_match_refresh(ARRAY(
      SELECT n."id" FROM new_rows n LEFT JOIN old_rows o ON o."id" = n."id" WHERE o."id" IS NULL OR n."text" IS DISTINCT FROM o."text" OR n."sourceId" IS DISTINCT FROM o."sourceId"
      UNION SELECT o."id" FROM old_rows o LEFT JOIN new_rows n ON n."id" = o."id" WHERE n."id" IS NULL));
  END IF;
  RETURN NULL;
END
$$;
DROP TRIGGER "ClaimMatch_claim_insert" ON "Claim";
CREATE TRIGGER "ClaimMatch_claim_insert" AFTER INSERT ON "Claim" REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "ClaimMatch_claim_fn"();
DROP TRIGGER "ClaimMatch_claim_update" ON "Claim";
CREATE TRIGGER "ClaimMatch_claim_update" AFTER UPDATE ON "Claim" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "ClaimMatch_claim_fn"();
DROP TRIGGER "ClaimMatch_claim_delete" ON "Claim";
CREATE TRIGGER "ClaimMatch_claim_delete" AFTER DELETE ON "Claim" REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION "ClaimMatch_claim_fn"();

CREATE OR REPLACE FUNCTION "ClaimMatch_span_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM verbatim_match_refresh(ARRAY(SELECT DISTINCT "claimId" FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM verbatim_match_refresh(ARRAY(SELECT DISTINCT "claimId" FROM old_rows));
  ELSE
    PERFORM verbatim_match_refresh(ARRAY(
      SELECT x FROM new_rows n FULL JOIN old_rows o ON o."id" = n."id", LATERAL (VALUES (n."claimId"), (o."claimId")) v(x)
      WHERE x IS NOT NULL AND (n."id" IS NULL OR o."id" IS NULL OR n."claimId" IS DISTINCT FROM o."claimId" OR n."start" IS DISTINCT FROM o."start" OR n."exact" IS DISTINCT FROM o."exact")));
  END IF;
  RETURN NULL;
END
$$;
DROP TRIGGER "ClaimMatch_span_insert" ON "Span";
CREATE TRIGGER "ClaimMatch_span_insert" AFTER INSERT ON "Span" REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "ClaimMatch_span_fn"();
DROP TRIGGER "ClaimMatch_span_update" ON "Span";
CREATE TRIGGER "ClaimMatch_span_update" AFTER UPDATE ON "Span" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "ClaimMatch_span_fn"();
DROP TRIGGER "ClaimMatch_span_delete" ON "Span";
CREATE TRIGGER "ClaimMatch_span_delete" AFTER DELETE ON "Span" REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION "ClaimMatch_span_fn"();

CREATE OR REPLACE FUNCTION "ClaimMatch_attribution_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM verbatim_match_refresh(ARRAY(SELECT DISTINCT "claimId" FROM new_rows WHERE "personId" IS NOT NULL));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM verbatim_match_refresh(ARRAY(SELECT DISTINCT "claimId" FROM old_rows WHERE "personId" IS NOT NULL));
  ELSE
    PERFORM verbatim_match_refresh(ARRAY(
      SELECT x FROM new_rows n FULL JOIN old_rows o ON o."id" = n."id", LATERAL (VALUES (n."claimId"), (o."claimId")) v(x)
      WHERE x IS NOT NULL AND (n."id" IS NULL OR o."id" IS NULL OR n."claimId" IS DISTINCT FROM o."claimId" OR n."personId" IS DISTINCT FROM o."personId")));
  END IF;
  RETURN NULL;
END
$$;
DROP TRIGGER "ClaimMatch_attribution_insert" ON "Attribution";
CREATE TRIGGER "ClaimMatch_attribution_insert" AFTER INSERT ON "Attribution" REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "ClaimMatch_attribution_fn"();
DROP TRIGGER "ClaimMatch_attribution_update" ON "Attribution";
CREATE TRIGGER "ClaimMatch_attribution_update" AFTER UPDATE ON "Attribution" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "ClaimMatch_attribution_fn"();
DROP TRIGGER "ClaimMatch_attribution_delete" ON "Attribution";
CREATE TRIGGER "ClaimMatch_attribution_delete" AFTER DELETE ON "Attribution" REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION "ClaimMatch_attribution_fn"();

CREATE OR REPLACE FUNCTION "ClaimMatch_person_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM verbatim_match_refresh_people(ARRAY(
    SELECT x FROM new_rows n FULL JOIN old_rows o ON o."id" = n."id", LATERAL (VALUES (n."id"), (o."id")) v(x)
    WHERE x IS NOT NULL AND (n."id" IS NULL OR o."id" IS NULL OR n."name" IS DISTINCT FROM o."name")));
  RETURN NULL;
END
$$;
DROP TRIGGER "ClaimMatch_person_update" ON "Person";
CREATE TRIGGER "ClaimMatch_person_update" AFTER UPDATE ON "Person" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "ClaimMatch_person_fn"();

CREATE OR REPLACE FUNCTION "ClaimMatch_alias_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM verbatim_match_refresh_people(ARRAY(SELECT DISTINCT "personId" FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM verbatim_match_refresh_people(ARRAY(SELECT DISTINCT "personId" FROM old_rows));
  ELSE
    PERFORM verbatim_match_refresh_people(ARRAY(
      SELECT x FROM new_rows n FULL JOIN old_rows o ON o."id" = n."id", LATERAL (VALUES (n."personId"), (o."personId")) v(x)
      WHERE x IS NOT NULL AND (n."id" IS NULL OR o."id" IS NULL OR n."personId" IS DISTINCT FROM o."personId" OR n."alias" IS DISTINCT FROM o."alias")));
  END IF;
  RETURN NULL;
END
$$;
DROP TRIGGER "ClaimMatch_alias_insert" ON "PersonAlias";
CREATE TRIGGER "ClaimMatch_alias_insert" AFTER INSERT ON "PersonAlias" REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "ClaimMatch_alias_fn"();
DROP TRIGGER "ClaimMatch_alias_update" ON "PersonAlias";
CREATE TRIGGER "ClaimMatch_alias_update" AFTER UPDATE ON "PersonAlias" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "ClaimMatch_alias_fn"();
DROP TRIGGER "ClaimMatch_alias_delete" ON "PersonAlias";
CREATE TRIGGER "ClaimMatch_alias_delete" AFTER DELETE ON "PersonAlias" REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION "ClaimMatch_alias_fn"();

CREATE OR REPLACE FUNCTION "ClaimMatch_source_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM verbatim_match_refresh(ARRAY(SELECT c."id" FROM "Claim" c WHERE c."sourceId" IN (
    SELECT x FROM new_rows n FULL JOIN old_rows o ON o."id" = n."id", LATERAL (VALUES (n."id"), (o."id")) v(x)
    WHERE x IS NOT NULL AND (n."id" IS NULL OR o."id" IS NULL OR n."title" IS DISTINCT FROM o."title" OR n."publisher" IS DISTINCT FROM o."publisher"))));
  RETURN NULL;
END
$$;
DROP TRIGGER "ClaimMatch_source_update" ON "Source";
CREATE TRIGGER "ClaimMatch_source_update" AFTER UPDATE ON "Source" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "ClaimMatch_source_fn"();
