-- Similar-claim matching (lib/match, issue 15) and the "same-claim" link kind.
--
-- 1. ClaimLink.kind gains 'same-claim' (two claims stating the same fact), beside
--    'corroborates' and 'contradicts'. The kind is checked by triggers, re-created here.
--
-- 2. ClaimMatch: a second FTS5 index over the same claims as ClaimSearch, tokenized with
--    the Porter stemmer ("migrants" finds "migrant", "exported" finds "exports"). It is the
--    candidate stage of find-similar: the words of a new text, OR-ed, pick the claims that
--    share its rarer words, and lib/match re-ranks those with its own tokens (numbers,
--    negations, speakers). ClaimSearch keeps unstemmed words, so search stays exact.
--    Columns: the claim's text, its quotes, its speaker's names and aliases, its source's
--    title and publisher; `keys` finds rows as in ClaimSearch (c<hex id>, o<hex source>,
--    p<hex person>: a token with digits in it, which the stemmer leaves alone). Triggers
--    keep it in step inside the writing transaction, on every write path; the candidate
--    query reads term statistics from ClaimMatchVocab. A status change does not touch it.

DROP TRIGGER "ClaimLink_kind_insert";
DROP TRIGGER "ClaimLink_kind_update";

CREATE TRIGGER "ClaimLink_kind_insert"
BEFORE INSERT ON "ClaimLink"
WHEN NEW."kind" NOT IN ('corroborates', 'contradicts', 'same-claim') OR NEW."fromClaimId" = NEW."toClaimId"
BEGIN
  SELECT RAISE(ABORT, 'VERBATIM_CLAIM_LINK: a link joins two different claims as corroborates, contradicts or same-claim');
END;

CREATE TRIGGER "ClaimLink_kind_update"
BEFORE UPDATE ON "ClaimLink"
WHEN NEW."kind" NOT IN ('corroborates', 'contradicts', 'same-claim') OR NEW."fromClaimId" = NEW."toClaimId"
BEGIN
  SELECT RAISE(ABORT, 'VERBATIM_CLAIM_LINK: a link joins two different claims as corroborates, contradicts or same-claim');
END;

CREATE VIRTUAL TABLE "ClaimMatch" USING fts5(
  "claimId" UNINDEXED,
  "personId" UNINDEXED,
  "sourceId" UNINDEXED,
  "keys",
  "text",
  "quotes",
  "people",
  "source",
  tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE VIRTUAL TABLE "ClaimMatchVocab" USING fts5vocab("ClaimMatch", 'row');

CREATE VIEW "ClaimMatchDoc" AS
SELECT
  c."id" AS "claimId",
  a."personId" AS "personId",
  c."sourceId" AS "sourceId",
  'c' || hex(c."id") || ' o' || hex(c."sourceId")
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

INSERT INTO "ClaimMatch" SELECT * FROM "ClaimMatchDoc";

CREATE TRIGGER "ClaimMatch_claim_update"
AFTER UPDATE OF "id", "text", "sourceId" ON "Claim"
WHEN NEW."id" IS NOT OLD."id" OR NEW."text" IS NOT OLD."text" OR NEW."sourceId" IS NOT OLD."sourceId"
BEGIN
  DELETE FROM "ClaimMatch" WHERE "ClaimMatch" MATCH 'keys : (c' || hex(OLD."id") || ' OR c' || hex(NEW."id") || ')';
  INSERT INTO "ClaimMatch" SELECT * FROM "ClaimMatchDoc" WHERE "claimId" IN (OLD."id", NEW."id");
END;
-- Claims. Every trigger deletes before inserting, so a row is never indexed twice.
CREATE TRIGGER "ClaimMatch_claim_insert"
AFTER INSERT ON "Claim"
BEGIN
  DELETE FROM "ClaimMatch" WHERE "ClaimMatch" MATCH 'keys : c' || hex(NEW."id");
  INSERT INTO "ClaimMatch" SELECT * FROM "ClaimMatchDoc" WHERE "claimId" = NEW."id";
END;

CREATE TRIGGER "ClaimMatch_claim_delete"
AFTER DELETE ON "Claim"
BEGIN
  DELETE FROM "ClaimMatch" WHERE "ClaimMatch" MATCH 'keys : c' || hex(OLD."id");
END;

-- Quotes
CREATE TRIGGER "ClaimMatch_span_insert"
AFTER INSERT ON "Span"
BEGIN
  DELETE FROM "ClaimMatch" WHERE "ClaimMatch" MATCH 'keys : c' || hex(NEW."claimId");
  INSERT INTO "ClaimMatch" SELECT * FROM "ClaimMatchDoc" WHERE "claimId" = NEW."claimId";
END;

CREATE TRIGGER "ClaimMatch_span_update"
AFTER UPDATE OF "claimId", "start", "exact" ON "Span"
WHEN NEW."claimId" IS NOT OLD."claimId" OR NEW."start" IS NOT OLD."start" OR NEW."exact" IS NOT OLD."exact"
BEGIN
  DELETE FROM "ClaimMatch" WHERE "ClaimMatch" MATCH 'keys : (c' || hex(OLD."claimId") || ' OR c' || hex(NEW."claimId") || ')';
  INSERT INTO "ClaimMatch" SELECT * FROM "ClaimMatchDoc" WHERE "claimId" IN (OLD."claimId", NEW."claimId");
END;

CREATE TRIGGER "ClaimMatch_span_delete"
AFTER DELETE ON "Span"
BEGIN
  DELETE FROM "ClaimMatch" WHERE "ClaimMatch" MATCH 'keys : c' || hex(OLD."claimId");
  INSERT INTO "ClaimMatch" SELECT * FROM "ClaimMatchDoc" WHERE "claimId" = OLD."claimId";
END;

-- Speakers. A publication's own claim names no person: its row, indexed with the claim,
-- already has no speaker, so such an attribution changes nothing (and is skipped on bulk loads).
CREATE TRIGGER "ClaimMatch_attribution_insert"
AFTER INSERT ON "Attribution"
WHEN NEW."personId" IS NOT NULL
BEGIN
  DELETE FROM "ClaimMatch" WHERE "ClaimMatch" MATCH 'keys : c' || hex(NEW."claimId");
  INSERT INTO "ClaimMatch" SELECT * FROM "ClaimMatchDoc" WHERE "claimId" = NEW."claimId";
END;

CREATE TRIGGER "ClaimMatch_attribution_update"
AFTER UPDATE OF "claimId", "personId" ON "Attribution"
WHEN NEW."claimId" IS NOT OLD."claimId" OR NEW."personId" IS NOT OLD."personId"
BEGIN
  DELETE FROM "ClaimMatch" WHERE "ClaimMatch" MATCH 'keys : (c' || hex(OLD."claimId") || ' OR c' || hex(NEW."claimId") || ')';
  INSERT INTO "ClaimMatch" SELECT * FROM "ClaimMatchDoc" WHERE "claimId" IN (OLD."claimId", NEW."claimId");
END;

CREATE TRIGGER "ClaimMatch_attribution_delete"
AFTER DELETE ON "Attribution"
WHEN OLD."personId" IS NOT NULL
BEGIN
  DELETE FROM "ClaimMatch" WHERE "ClaimMatch" MATCH 'keys : c' || hex(OLD."claimId");
  INSERT INTO "ClaimMatch" SELECT * FROM "ClaimMatchDoc" WHERE "claimId" = OLD."claimId";
END;

-- A person's names and aliases: every claim attributed to them is re-indexed.
CREATE TRIGGER "ClaimMatch_person_update"
AFTER UPDATE OF "id", "name" ON "Person"
WHEN NEW."id" IS NOT OLD."id" OR NEW."name" IS NOT OLD."name"
BEGIN
  DELETE FROM "ClaimMatch" WHERE "ClaimMatch" MATCH 'keys : (p' || hex(OLD."id") || ' OR p' || hex(NEW."id") || ')';
  INSERT INTO "ClaimMatch" SELECT * FROM "ClaimMatchDoc" WHERE "personId" IN (OLD."id", NEW."id");
END;

CREATE TRIGGER "ClaimMatch_alias_insert"
AFTER INSERT ON "PersonAlias"
BEGIN
  DELETE FROM "ClaimMatch" WHERE "ClaimMatch" MATCH 'keys : p' || hex(NEW."personId");
  INSERT INTO "ClaimMatch" SELECT * FROM "ClaimMatchDoc" WHERE "personId" = NEW."personId";
END;

CREATE TRIGGER "ClaimMatch_alias_update"
AFTER UPDATE OF "personId", "alias" ON "PersonAlias"
WHEN NEW."personId" IS NOT OLD."personId" OR NEW."alias" IS NOT OLD."alias"
BEGIN
  DELETE FROM "ClaimMatch" WHERE "ClaimMatch" MATCH 'keys : (p' || hex(OLD."personId") || ' OR p' || hex(NEW."personId") || ')';
  INSERT INTO "ClaimMatch" SELECT * FROM "ClaimMatchDoc" WHERE "personId" IN (OLD."personId", NEW."personId");
END;

CREATE TRIGGER "ClaimMatch_alias_delete"
AFTER DELETE ON "PersonAlias"
BEGIN
  DELETE FROM "ClaimMatch" WHERE "ClaimMatch" MATCH 'keys : p' || hex(OLD."personId");
  INSERT INTO "ClaimMatch" SELECT * FROM "ClaimMatchDoc" WHERE "personId" = OLD."personId";
END;

-- A source's title or publisher: every claim in it is re-indexed. (Its text never changes.)
CREATE TRIGGER "ClaimMatch_source_update"
AFTER UPDATE OF "id", "title", "publisher" ON "Source"
WHEN NEW."id" IS NOT OLD."id" OR NEW."title" IS NOT OLD."title" OR NEW."publisher" IS NOT OLD."publisher"
BEGIN
  DELETE FROM "ClaimMatch" WHERE "ClaimMatch" MATCH 'keys : (o' || hex(OLD."id") || ' OR o' || hex(NEW."id") || ')';
  INSERT INTO "ClaimMatch" SELECT * FROM "ClaimMatchDoc" WHERE "sourceId" IN (OLD."id", NEW."id");
END;

