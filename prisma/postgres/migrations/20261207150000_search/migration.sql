-- same data as SQLite migration 20261207125607_claim_status_updated
-- Full-text search over claims on PostgreSQL (lib/search/pg-search.ts): the same rows as
-- SQLite's FTS5 index (prisma/migrations/*_search) — the claim's text, its quotes, its
-- speaker's name and aliases, its source's title and publisher — in a table with a
-- tsvector and a GIN index. Words are folded by a text search configuration that lower-
-- cases and strips diacritics (unaccent) and keeps every word (no stop words, no
-- stemming), as FTS5's unicode61 remove_diacritics tokenizer does. Weights mark the
-- columns: A text, B quotes, C people, D source.
--
-- "seq" plays FTS5's rowid: each (re-)indexing of a claim takes a new, higher number, so
-- the search's window of newest matches is the same idea on both engines. The status,
-- person and source columns are the filters and facets.
--
-- Triggers of the same names as SQLite's keep the table in step inside the writing
-- transaction. A bulk load sets `verbatim.defer_index` for its transaction, and indexes its
-- new claims once at the end (lib/search/index-later.ts).

CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE TEXT SEARCH CONFIGURATION verbatim_search (COPY = pg_catalog.simple);
ALTER TEXT SEARCH CONFIGURATION verbatim_search
  ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part, numword, numhword, hword_numpart
  WITH unaccent, simple;

CREATE TABLE "ClaimSearch" (
  "seq" BIGSERIAL NOT NULL,
  "claimId" TEXT NOT NULL PRIMARY KEY,
  "status" TEXT NOT NULL,
  "personId" TEXT,
  "sourceId" TEXT NOT NULL,
  "text" TEXT NOT NULL,
  "quotes" TEXT NOT NULL,
  "people" TEXT NOT NULL,
  "source" TEXT NOT NULL,
  "doc" tsvector NOT NULL
);
CREATE UNIQUE INDEX "ClaimSearch_seq_key" ON "ClaimSearch" ("seq");
CREATE INDEX "ClaimSearch_doc_idx" ON "ClaimSearch" USING gin ("doc");
CREATE INDEX "ClaimSearch_personId_seq_idx" ON "ClaimSearch" ("personId", "seq");
CREATE INDEX "ClaimSearch_sourceId_seq_idx" ON "ClaimSearch" ("sourceId", "seq");

CREATE VIEW "ClaimSearchDoc" AS
SELECT
  c."id" AS "claimId",
  c."status" AS "status",
  a."personId" AS "personId",
  c."sourceId" AS "sourceId",
  c."text" AS "text",
  coalesce((SELECT string_agg(q."exact", ' … ' ORDER BY q."start", q."id") FROM "Span" q WHERE q."claimId" = c."id"), '') AS "quotes",
  CASE WHEN p."id" IS NULL THEN '' ELSE p."name" || coalesce((
    SELECT ' · ' || string_agg(x."alias", ' · ' ORDER BY x."alias" COLLATE "C")
    FROM "PersonAlias" x WHERE x."personId" = p."id" AND x."alias" <> p."name"
  ), '') END AS "people",
  CASE
    WHEN s."title" IS NULL THEN coalesce(s."publisher", '')
    WHEN s."publisher" IS NULL THEN s."title"
    ELSE s."title" || ' · ' || s."publisher"
  END AS "source"
FROM "Claim" c
JOIN "Source" s ON s."id" = c."sourceId"
LEFT JOIN "Attribution" a ON a."claimId" = c."id"
LEFT JOIN "Person" p ON p."id" = a."personId";

-- Re-indexes the given claims: deleted, then inserted again if they still exist.
CREATE FUNCTION verbatim_search_refresh(ids text[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('verbatim.defer_index', true) = 'on' THEN
    RETURN;
  END IF;
  DELETE FROM "ClaimSearch" WHERE "claimId" = ANY(ids);
  INSERT INTO "ClaimSearch" ("claimId", "status", "personId", "sourceId", "text", "quotes", "people", "source", "doc")
  SELECT d."claimId", d."status", d."personId", d."sourceId", d."text", d."quotes", d."people", d."source",
         setweight(to_tsvector('verbatim_search', d."text"), 'A')
      || setweight(to_tsvector('verbatim_search', d."quotes"), 'B')
      || setweight(to_tsvector('verbatim_search', d."people"), 'C')
      || setweight(to_tsvector('verbatim_search', d."source"), 'D')
  FROM "ClaimSearchDoc" d WHERE d."claimId" = ANY(ids);
END
$$;

CREATE FUNCTION "ClaimSearch_claim_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM verbatim_search_refresh(ARRAY[NEW."id"]);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM verbatim_search_refresh(ARRAY[OLD."id"]);
  ELSIF NEW."id" IS DISTINCT FROM OLD."id" OR NEW."text" IS DISTINCT FROM OLD."text"
     OR NEW."status" IS DISTINCT FROM OLD."status" OR NEW."sourceId" IS DISTINCT FROM OLD."sourceId" THEN
    PERFORM verbatim_search_refresh(ARRAY[OLD."id", NEW."id"]);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER "ClaimSearch_claim_insert" AFTER INSERT ON "Claim" FOR EACH ROW EXECUTE FUNCTION "ClaimSearch_claim_fn"();
CREATE TRIGGER "ClaimSearch_claim_update" AFTER UPDATE ON "Claim" FOR EACH ROW EXECUTE FUNCTION "ClaimSearch_claim_fn"();
CREATE TRIGGER "ClaimSearch_claim_delete" AFTER DELETE ON "Claim" FOR EACH ROW EXECUTE FUNCTION "ClaimSearch_claim_fn"();

CREATE FUNCTION "ClaimSearch_span_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM verbatim_search_refresh(ARRAY[NEW."claimId"]);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM verbatim_search_refresh(ARRAY[OLD."claimId"]);
  ELSIF NEW."claimId" IS DISTINCT FROM OLD."claimId" OR NEW."start" IS DISTINCT FROM OLD."start" OR NEW."exact" IS DISTINCT FROM OLD."exact" THEN
    PERFORM verbatim_search_refresh(ARRAY[OLD."claimId", NEW."claimId"]);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER "ClaimSearch_span_insert" AFTER INSERT ON "Span" FOR EACH ROW EXECUTE FUNCTION "ClaimSearch_span_fn"();
CREATE TRIGGER "ClaimSearch_span_update" AFTER UPDATE ON "Span" FOR EACH ROW EXECUTE FUNCTION "ClaimSearch_span_fn"();
CREATE TRIGGER "ClaimSearch_span_delete" AFTER DELETE ON "Span" FOR EACH ROW EXECUTE FUNCTION "ClaimSearch_span_fn"();

-- A publication's own claim names no person: its row already has no speaker.
CREATE FUNCTION "ClaimSearch_attribution_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW."personId" IS NOT NULL THEN PERFORM verbatim_search_refresh(ARRAY[NEW."claimId"]); END IF;
  ELSIF TG_OP = 'DELETE' THEN
    IF OLD."personId" IS NOT NULL THEN PERFORM verbatim_search_refresh(ARRAY[OLD."claimId"]); END IF;
  ELSIF NEW."claimId" IS DISTINCT FROM OLD."claimId" OR NEW."personId" IS DISTINCT FROM OLD."personId" THEN
    PERFORM verbatim_search_refresh(ARRAY[OLD."claimId", NEW."claimId"]);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER "ClaimSearch_attribution_insert" AFTER INSERT ON "Attribution" FOR EACH ROW EXECUTE FUNCTION "ClaimSearch_attribution_fn"();
CREATE TRIGGER "ClaimSearch_attribution_update" AFTER UPDATE ON "Attribution" FOR EACH ROW EXECUTE FUNCTION "ClaimSearch_attribution_fn"();
CREATE TRIGGER "ClaimSearch_attribution_delete" AFTER DELETE ON "Attribution" FOR EACH ROW EXECUTE FUNCTION "ClaimSearch_attribution_fn"();

-- A person's names and aliases: every claim attributed to them is re-indexed.
CREATE FUNCTION verbatim_search_refresh_people(person_ids text[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM verbatim_search_refresh(ARRAY(SELECT "claimId" FROM "Attribution" WHERE "personId" = ANY(person_ids)
                                        UNION SELECT "claimId" FROM "ClaimSearch" WHERE "personId" = ANY(person_ids)));
END
$$;

CREATE FUNCTION "ClaimSearch_person_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."id" IS DISTINCT FROM OLD."id" OR NEW."name" IS DISTINCT FROM OLD."name" THEN
    PERFORM verbatim_search_refresh_people(ARRAY[OLD."id", NEW."id"]);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER "ClaimSearch_person_update" AFTER UPDATE ON "Person" FOR EACH ROW EXECUTE FUNCTION "ClaimSearch_person_fn"();

CREATE FUNCTION "ClaimSearch_alias_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM verbatim_search_refresh_people(ARRAY[NEW."personId"]);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM verbatim_search_refresh_people(ARRAY[OLD."personId"]);
  ELSIF NEW."personId" IS DISTINCT FROM OLD."personId" OR NEW."alias" IS DISTINCT FROM OLD."alias" THEN
    PERFORM verbatim_search_refresh_people(ARRAY[OLD."personId", NEW."personId"]);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER "ClaimSearch_alias_insert" AFTER INSERT ON "PersonAlias" FOR EACH ROW EXECUTE FUNCTION "ClaimSearch_alias_fn"();
CREATE TRIGGER "ClaimSearch_alias_update" AFTER UPDATE ON "PersonAlias" FOR EACH ROW EXECUTE FUNCTION "ClaimSearch_alias_fn"();
CREATE TRIGGER "ClaimSearch_alias_delete" AFTER DELETE ON "PersonAlias" FOR EACH ROW EXECUTE FUNCTION "ClaimSearch_alias_fn"();

-- A source's title or publisher: every claim in it is re-indexed. (Its text never changes.)
CREATE FUNCTION "ClaimSearch_source_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."id" IS DISTINCT FROM OLD."id" OR NEW."title" IS DISTINCT FROM OLD."title" OR NEW."publisher" IS DISTINCT FROM OLD."publisher" THEN
    PERFORM verbatim_search_refresh(ARRAY(SELECT "id" FROM "Claim" WHERE "sourceId" IN (OLD."id", NEW."id")));
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER "ClaimSearch_source_update" AFTER UPDATE ON "Source" FOR EACH ROW EXECUTE FUNCTION "ClaimSearch_source_fn"();
