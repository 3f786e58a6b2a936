-- same data as SQLite migration 20261207125607_claim_status_updated
-- Similar-claim matching on PostgreSQL (lib/match, pg-match.ts): the same rows as
-- SQLite's ClaimMatch FTS5 index (prisma/migrations/*_claim_matching), stemmed, in a
-- table with a tsvector (A text, B quotes, C people, D source) and a GIN index, and the
-- vocabulary with each term's claim count, which FTS5 computes and PostgreSQL keeps here,
-- inside the writing transaction. The stemmer is Snowball's English (FTS5's is Porter's
-- first algorithm): lib/match asks the database for the stems of a text's words, so each
-- engine matches with its own. No stop words, as on SQLite. A status change does not
-- touch this index. Triggers of the same names as SQLite's; a bulk load defers them as
-- it does search's (`verbatim.defer_index`).

CREATE TEXT SEARCH DICTIONARY verbatim_english_stem (TEMPLATE = snowball, Language = english);
CREATE TEXT SEARCH CONFIGURATION verbatim_match (COPY = pg_catalog.simple);
ALTER TEXT SEARCH CONFIGURATION verbatim_match
  ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part
  WITH unaccent, verbatim_english_stem;
ALTER TEXT SEARCH CONFIGURATION verbatim_match
  ALTER MAPPING FOR numword, numhword, hword_numpart WITH unaccent, simple;

CREATE TABLE "ClaimMatch" (
  "seq" BIGSERIAL NOT NULL,
  "claimId" TEXT NOT NULL PRIMARY KEY,
  "personId" TEXT,
  "sourceId" TEXT NOT NULL,
  "text" TEXT NOT NULL,
  "quotes" TEXT NOT NULL,
  "people" TEXT NOT NULL,
  "source" TEXT NOT NULL,
  "doc" tsvector NOT NULL
);
CREATE UNIQUE INDEX "ClaimMatch_seq_key" ON "ClaimMatch" ("seq");
CREATE INDEX "ClaimMatch_doc_idx" ON "ClaimMatch" USING gin ("doc");
CREATE INDEX "ClaimMatch_personId_idx" ON "ClaimMatch" ("personId");

CREATE TABLE "ClaimMatchVocab" (
  "term" TEXT COLLATE "C" NOT NULL PRIMARY KEY,
  "doc" INTEGER NOT NULL
);

-- Re-indexes the given claims and keeps the vocabulary's counts. Terms are counted in
-- term order, so that concurrent writers lock vocabulary rows in the same order.
CREATE FUNCTION verbatim_match_refresh(ids text[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  emptied text[];
BEGIN
  IF current_setting('verbatim.defer_index', true) = 'on' THEN
    RETURN;
  END IF;
  WITH gone AS (DELETE FROM "ClaimMatch" WHERE "claimId" = ANY(ids) RETURNING "doc"),
  terms AS (SELECT t, count(*)::integer AS n FROM gone, unnest(tsvector_to_array("doc")) t GROUP BY t),
  locked AS (SELECT v."term" FROM "ClaimMatchVocab" v JOIN terms ON v."term" = terms.t ORDER BY v."term" FOR UPDATE OF v),
  lowered AS (
    UPDATE "ClaimMatchVocab" v SET "doc" = v."doc" - terms.n FROM terms
    WHERE v."term" = terms.t AND v."term" IN (SELECT "term" FROM locked)
    RETURNING v."term", v."doc"
  )
  SELECT array_agg("term") INTO emptied FROM lowered WHERE "doc" <= 0;
  DELETE FROM "ClaimMatchVocab" WHERE "term" = ANY(emptied) AND "doc" <= 0;
  WITH added AS (
    INSERT INTO "ClaimMatch" ("claimId", "personId", "sourceId", "text", "quotes", "people", "source", "doc")
    SELECT d."claimId", d."personId", d."sourceId", d."text", d."quotes", d."people", d."source",
           setweight(to_tsvector('verbatim_match', d."text"), 'A')
        || setweight(to_tsvector('verbatim_match', d."quotes"), 'B')
        || setweight(to_tsvector('verbatim_match', d."people"), 'C')
        || setweight(to_tsvector('verbatim_match', d."source"), 'D')
    FROM "ClaimSearchDoc" d WHERE d."claimId" = ANY(ids)
    RETURNING "doc"
  )
  INSERT INTO "ClaimMatchVocab" ("term", "doc")
  SELECT t, count(*)::integer FROM added, unnest(tsvector_to_array("doc")) t GROUP BY t ORDER BY t
  ON CONFLICT ("term") DO UPDATE SET "doc" = "ClaimMatchVocab"."doc" + excluded."doc";
END
$$;

CREATE FUNCTION "ClaimMatch_claim_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM verbatim_match_refresh(ARRAY[NEW."id"]);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM verbatim_match_refresh(ARRAY[OLD."id"]);
  ELSIF NEW."id" IS DISTINCT FROM OLD."id" OR NEW."text" IS DISTINCT FROM OLD."text" OR NEW."sourceId" IS DISTINCT FROM OLD."sourceId" THEN
    PERFORM verbatim_match_refresh(ARRAY[OLD."id", NEW."id"]);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER "ClaimMatch_claim_insert" AFTER INSERT ON "Claim" FOR EACH ROW EXECUTE FUNCTION "ClaimMatch_claim_fn"();
CREATE TRIGGER "ClaimMatch_claim_update" AFTER UPDATE ON "Claim" FOR EACH ROW EXECUTE FUNCTION "ClaimMatch_claim_fn"();
CREATE TRIGGER "ClaimMatch_claim_delete" AFTER DELETE ON "Claim" FOR EACH ROW EXECUTE FUNCTION "ClaimMatch_claim_fn"();

CREATE FUNCTION "ClaimMatch_span_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM verbatim_match_refresh(ARRAY[NEW."claimId"]);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM verbatim_match_refresh(ARRAY[OLD."claimId"]);
  ELSIF NEW."claimId" IS DISTINCT FROM OLD."claimId" OR NEW."start" IS DISTINCT FROM OLD."start" OR NEW."exact" IS DISTINCT FROM OLD."exact" THEN
    PERFORM verbatim_match_refresh(ARRAY[OLD."claimId", NEW."claimId"]);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER "ClaimMatch_span_insert" AFTER INSERT ON "Span" FOR EACH ROW EXECUTE FUNCTION "ClaimMatch_span_fn"();
CREATE TRIGGER "ClaimMatch_span_update" AFTER UPDATE ON "Span" FOR EACH ROW EXECUTE FUNCTION "ClaimMatch_span_fn"();
CREATE TRIGGER "ClaimMatch_span_delete" AFTER DELETE ON "Span" FOR EACH ROW EXECUTE FUNCTION "ClaimMatch_span_fn"();

-- A publication's own claim names no person: its row already has no speaker.
CREATE FUNCTION "ClaimMatch_attribution_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW."personId" IS NOT NULL THEN PERFORM verbatim_match_refresh(ARRAY[NEW."claimId"]); END IF;
  ELSIF TG_OP = 'DELETE' THEN
    IF OLD."personId" IS NOT NULL THEN PERFORM verbatim_match_refresh(ARRAY[OLD."claimId"]); END IF;
  ELSIF NEW."claimId" IS DISTINCT FROM OLD."claimId" OR NEW."personId" IS DISTINCT FROM OLD."personId" THEN
    PERFORM verbatim_match_refresh(ARRAY[OLD."claimId", NEW."claimId"]);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER "ClaimMatch_attribution_insert" AFTER INSERT ON "Attribution" FOR EACH ROW EXECUTE FUNCTION "ClaimMatch_attribution_fn"();
CREATE TRIGGER "ClaimMatch_attribution_update" AFTER UPDATE ON "Attribution" FOR EACH ROW EXECUTE FUNCTION "ClaimMatch_attribution_fn"();
CREATE TRIGGER "ClaimMatch_attribution_delete" AFTER DELETE ON "Attribution" FOR EACH ROW EXECUTE FUNCTION "ClaimMatch_attribution_fn"();

-- A person's names and aliases: every claim attributed to them is re-indexed.
CREATE FUNCTION verbatim_match_refresh_people(person_ids text[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM verbatim_match_refresh(ARRAY(SELECT "claimId" FROM "Attribution" WHERE "personId" = ANY(person_ids)
                                        UNION SELECT "claimId" FROM "ClaimMatch" WHERE "personId" = ANY(person_ids)));
END
$$;

CREATE FUNCTION "ClaimMatch_person_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."id" IS DISTINCT FROM OLD."id" OR NEW."name" IS DISTINCT FROM OLD."name" THEN
    PERFORM verbatim_match_refresh_people(ARRAY[OLD."id", NEW."id"]);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER "ClaimMatch_person_update" AFTER UPDATE ON "Person" FOR EACH ROW EXECUTE FUNCTION "ClaimMatch_person_fn"();

CREATE FUNCTION "ClaimMatch_alias_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM verbatim_match_refresh_people(ARRAY[NEW."personId"]);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM verbatim_match_refresh_people(ARRAY[OLD."personId"]);
  ELSIF NEW."personId" IS DISTINCT FROM OLD."personId" OR NEW."alias" IS DISTINCT FROM OLD."alias" THEN
    PERFORM verbatim_match_refresh_people(ARRAY[OLD."personId", NEW."personId"]);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER "ClaimMatch_alias_insert" AFTER INSERT ON "PersonAlias" FOR EACH ROW EXECUTE FUNCTION "ClaimMatch_alias_fn"();
CREATE TRIGGER "ClaimMatch_alias_update" AFTER UPDATE ON "PersonAlias" FOR EACH ROW EXECUTE FUNCTION "ClaimMatch_alias_fn"();
CREATE TRIGGER "ClaimMatch_alias_delete" AFTER DELETE ON "PersonAlias" FOR EACH ROW EXECUTE FUNCTION "ClaimMatch_alias_fn"();

-- A source's title or publisher: every claim in it is re-indexed. (Its text never changes.)
CREATE FUNCTION "ClaimMatch_source_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."id" IS DISTINCT FROM OLD."id" OR NEW."title" IS DISTINCT FROM OLD."title" OR NEW."publisher" IS DISTINCT FROM OLD."publisher" THEN
    PERFORM verbatim_match_refresh(ARRAY(SELECT "id" FROM "Claim" WHERE "sourceId" IN (OLD."id", NEW."id")));
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER "ClaimMatch_source_update" AFTER UPDATE ON "Source" FOR EACH ROW EXECUTE FUNCTION "ClaimMatch_source_fn"();
