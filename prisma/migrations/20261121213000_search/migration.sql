-- Full-text search over claims (lib/search). One FTS5 row per claim holding the claim's
-- text, its quotes (every span's exact text), its speaker (name and every alias, so
-- "Tokayev" finds Toqaev's claims) and its source (title and publisher).
--
-- The tokenizer folds case and strips diacritics ("Čapek" = "capek"); search queries are
-- tokenized by the same tokenizer, so both sides fold alike.
--
-- The index stores its own copy of the text (not contentless) because highlight() and
-- snippet() need it. Its rowid is NOT the claim's: Claim has a TEXT primary key, so its
-- implicit rowid may change on VACUUM or when a migration rebuilds the table. Instead the
-- indexed `keys` column holds one lookup token per key, and triggers find rows by MATCH:
--   c<hex(claim id)>   the claim itself (one row)
--   s<status>          status filter
--   p<hex(person id)>  person filter, and every row to refresh when a person changes
--   o<hex(source id)>  source filter, and every row to refresh when a source changes
-- (hex() turns any id into a single token.) The unindexed status / personId / sourceId
-- columns come first so facet counting reads them without touching the long text.
--
-- Triggers keep the index in step inside the writing transaction, whatever the write path
-- (app, CLI, seed, backup import, bench loader). Each refresh deletes the affected rows and
-- re-inserts them from the ClaimSearchDoc view, so every trigger shares one definition of
-- a row. Prisma does not model virtual tables or triggers: lib/search/external-tables.ts
-- lists this table and its shadow tables as external so schema diffs leave them alone, and
-- `verbatim verify` reports a missing trigger or a row count that differs from the claim
-- count. lib/search/rebuild-index.ts rebuilds the index from scratch (repairs, bulk loads).
-- A later migration that rebuilds Claim, Span, Attribution, Person, PersonAlias or Source
-- must re-create these triggers, and rebuild the index as this migration fills it.

CREATE VIRTUAL TABLE "ClaimSearch" USING fts5(
  "claimId" UNINDEXED,
  "status" UNINDEXED,
  "personId" UNINDEXED,
  "sourceId" UNINDEXED,
  "keys",
  "text",
  "quotes",
  "people",
  "source",
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE VIEW "ClaimSearchDoc" AS
SELECT
  c."id" AS "claimId",
  c."status" AS "status",
  a."personId" AS "personId",
  c."sourceId" AS "sourceId",
  'c' || hex(c."id") || ' s' || c."status" || ' o' || hex(c."sourceId")
    || CASE WHEN a."personId" IS NULL THEN '' ELSE ' p' || hex(a."personId") END AS "keys",
  c."text" AS "text",
  coalesce((SELECT group_concat(q."exact", ' … ') FROM (
    SELECT "exact" FROM "Span" WHERE "claimId" = c."id" ORDER BY "start", "id"
  ) q), '') AS "quotes",
  CASE WHEN p."id" IS NULL THEN '' ELSE p."name" || coalesce((SELECT ' · ' || group_concat(x."alias", ' · ') FROM (
    SELECT "alias" FROM "PersonAlias" WHERE "personId" = p."id" AND "alias" <> p."name" ORDER BY "alias"
  ) x), '') END AS "people",
  CASE
    WHEN s."title" IS NULL THEN coalesce(s."publisher", '')
    WHEN s."publisher" IS NULL THEN s."title"
    ELSE s."title" || ' · ' || s."publisher"
  END AS "source"
FROM "Claim" c
JOIN "Source" s ON s."id" = c."sourceId"
LEFT JOIN "Attribution" a ON a."claimId" = c."id"
LEFT JOIN "Person" p ON p."id" = a."personId";

INSERT INTO "ClaimSearch" SELECT * FROM "ClaimSearchDoc";

-- Claims. Every trigger deletes before inserting, so a row is never indexed twice.
CREATE TRIGGER "ClaimSearch_claim_insert"
AFTER INSERT ON "Claim"
BEGIN
  DELETE FROM "ClaimSearch" WHERE "ClaimSearch" MATCH 'keys : c' || hex(NEW."id");
  INSERT INTO "ClaimSearch" SELECT * FROM "ClaimSearchDoc" WHERE "claimId" = NEW."id";
END;

CREATE TRIGGER "ClaimSearch_claim_update"
AFTER UPDATE OF "id", "text", "status", "sourceId" ON "Claim"
WHEN NEW."id" IS NOT OLD."id" OR NEW."text" IS NOT OLD."text" OR NEW."status" IS NOT OLD."status" OR NEW."sourceId" IS NOT OLD."sourceId"
BEGIN
  DELETE FROM "ClaimSearch" WHERE "ClaimSearch" MATCH 'keys : (c' || hex(OLD."id") || ' OR c' || hex(NEW."id") || ')';
  INSERT INTO "ClaimSearch" SELECT * FROM "ClaimSearchDoc" WHERE "claimId" IN (OLD."id", NEW."id");
END;

CREATE TRIGGER "ClaimSearch_claim_delete"
AFTER DELETE ON "Claim"
BEGIN
  DELETE FROM "ClaimSearch" WHERE "ClaimSearch" MATCH 'keys : c' || hex(OLD."id");
END;

-- Quotes
CREATE TRIGGER "ClaimSearch_span_insert"
AFTER INSERT ON "Span"
BEGIN
  DELETE FROM "ClaimSearch" WHERE "ClaimSearch" MATCH 'keys : c' || hex(NEW."claimId");
  INSERT INTO "ClaimSearch" SELECT * FROM "ClaimSearchDoc" WHERE "claimId" = NEW."claimId";
END;

CREATE TRIGGER "ClaimSearch_span_update"
AFTER UPDATE OF "claimId", "start", "exact" ON "Span"
WHEN NEW."claimId" IS NOT OLD."claimId" OR NEW."start" IS NOT OLD."start" OR NEW."exact" IS NOT OLD."exact"
BEGIN
  DELETE FROM "ClaimSearch" WHERE "ClaimSearch" MATCH 'keys : (c' || hex(OLD."claimId") || ' OR c' || hex(NEW."claimId") || ')';
  INSERT INTO "ClaimSearch" SELECT * FROM "ClaimSearchDoc" WHERE "claimId" IN (OLD."claimId", NEW."claimId");
END;

CREATE TRIGGER "ClaimSearch_span_delete"
AFTER DELETE ON "Span"
BEGIN
  DELETE FROM "ClaimSearch" WHERE "ClaimSearch" MATCH 'keys : c' || hex(OLD."claimId");
  INSERT INTO "ClaimSearch" SELECT * FROM "ClaimSearchDoc" WHERE "claimId" = OLD."claimId";
END;

-- Speakers. A publication's own claim names no person: its row, indexed with the claim,
-- already has no speaker, so such an attribution changes nothing (and is skipped on bulk loads).
CREATE TRIGGER "ClaimSearch_attribution_insert"
AFTER INSERT ON "Attribution"
WHEN NEW."personId" IS NOT NULL
BEGIN
  DELETE FROM "ClaimSearch" WHERE "ClaimSearch" MATCH 'keys : c' || hex(NEW."claimId");
  INSERT INTO "ClaimSearch" SELECT * FROM "ClaimSearchDoc" WHERE "claimId" = NEW."claimId";
END;

CREATE TRIGGER "ClaimSearch_attribution_update"
AFTER UPDATE OF "claimId", "personId" ON "Attribution"
WHEN NEW."claimId" IS NOT OLD."claimId" OR NEW."personId" IS NOT OLD."personId"
BEGIN
  DELETE FROM "ClaimSearch" WHERE "ClaimSearch" MATCH 'keys : (c' || hex(OLD."claimId") || ' OR c' || hex(NEW."claimId") || ')';
  INSERT INTO "ClaimSearch" SELECT * FROM "ClaimSearchDoc" WHERE "claimId" IN (OLD."claimId", NEW."claimId");
END;

CREATE TRIGGER "ClaimSearch_attribution_delete"
AFTER DELETE ON "Attribution"
WHEN OLD."personId" IS NOT NULL
BEGIN
  DELETE FROM "ClaimSearch" WHERE "ClaimSearch" MATCH 'keys : c' || hex(OLD."claimId");
  INSERT INTO "ClaimSearch" SELECT * FROM "ClaimSearchDoc" WHERE "claimId" = OLD."claimId";
END;

-- A person's names and aliases: every claim attributed to them is re-indexed.
CREATE TRIGGER "ClaimSearch_person_update"
AFTER UPDATE OF "id", "name" ON "Person"
WHEN NEW."id" IS NOT OLD."id" OR NEW."name" IS NOT OLD."name"
BEGIN
  DELETE FROM "ClaimSearch" WHERE "ClaimSearch" MATCH 'keys : (p' || hex(OLD."id") || ' OR p' || hex(NEW."id") || ')';
  INSERT INTO "ClaimSearch" SELECT * FROM "ClaimSearchDoc" WHERE "personId" IN (OLD."id", NEW."id");
END;

CREATE TRIGGER "ClaimSearch_alias_insert"
AFTER INSERT ON "PersonAlias"
BEGIN
  DELETE FROM "ClaimSearch" WHERE "ClaimSearch" MATCH 'keys : p' || hex(NEW."personId");
  INSERT INTO "ClaimSearch" SELECT * FROM "ClaimSearchDoc" WHERE "personId" = NEW."personId";
END;

CREATE TRIGGER "ClaimSearch_alias_update"
AFTER UPDATE OF "personId", "alias" ON "PersonAlias"
WHEN NEW."personId" IS NOT OLD."personId" OR NEW."alias" IS NOT OLD."alias"
BEGIN
  DELETE FROM "ClaimSearch" WHERE "ClaimSearch" MATCH 'keys : (p' || hex(OLD."personId") || ' OR p' || hex(NEW."personId") || ')';
  INSERT INTO "ClaimSearch" SELECT * FROM "ClaimSearchDoc" WHERE "personId" IN (OLD."personId", NEW."personId");
END;

CREATE TRIGGER "ClaimSearch_alias_delete"
AFTER DELETE ON "PersonAlias"
BEGIN
  DELETE FROM "ClaimSearch" WHERE "ClaimSearch" MATCH 'keys : p' || hex(OLD."personId");
  INSERT INTO "ClaimSearch" SELECT * FROM "ClaimSearchDoc" WHERE "personId" = OLD."personId";
END;

-- A source's title or publisher: every claim in it is re-indexed. (Its text never changes.)
CREATE TRIGGER "ClaimSearch_source_update"
AFTER UPDATE OF "id", "title", "publisher" ON "Source"
WHEN NEW."id" IS NOT OLD."id" OR NEW."title" IS NOT OLD."title" OR NEW."publisher" IS NOT OLD."publisher"
BEGIN
  DELETE FROM "ClaimSearch" WHERE "ClaimSearch" MATCH 'keys : (o' || hex(OLD."id") || ' OR o' || hex(NEW."id") || ')';
  INSERT INTO "ClaimSearch" SELECT * FROM "ClaimSearchDoc" WHERE "sourceId" IN (OLD."id", NEW."id");
END;
