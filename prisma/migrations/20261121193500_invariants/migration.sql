-- Verbatim's invariants, enforced by the database itself so that no write path
-- (app, CLI, seed runner, a hand-written SQL session) can store data that breaks them.
-- Prisma does not model triggers: a later migration that redefines one of these tables
-- must re-create its triggers (`verbatim verify` reports any that are missing).
-- substr()/length() count characters, which for TEXT are Unicode code points: the same
-- unit as the offsets (W3C Web Annotation TextPositionSelector).

-- A source's text never changes after creation, and `length` is its code-point count.
CREATE TRIGGER "Source_insert_length"
BEFORE INSERT ON "Source"
WHEN NEW."length" IS NOT length(NEW."text") OR length(NEW."text") = 0
BEGIN
  SELECT RAISE(ABORT, 'VERBATIM_SOURCE_LENGTH: Source.length must equal the code-point length of a non-empty text');
END;

CREATE TRIGGER "Source_text_immutable"
BEFORE UPDATE OF "text", "sha256", "length" ON "Source"
WHEN NEW."text" IS NOT OLD."text" OR NEW."sha256" IS NOT OLD."sha256" OR NEW."length" IS NOT OLD."length"
BEGIN
  SELECT RAISE(ABORT, 'VERBATIM_SOURCE_IMMUTABLE: a source''s text cannot change after creation');
END;

-- Every span is exactly the source's characters from start to end, with the 32 code
-- points (or fewer, at the text's edges) before and after as prefix and suffix, in the
-- same source as its claim.
CREATE TRIGGER "Span_verbatim_insert"
BEFORE INSERT ON "Span"
WHEN NOT EXISTS (
  SELECT 1 FROM "Source" s JOIN "Claim" c ON c."id" = NEW."claimId" AND c."sourceId" = s."id"
  WHERE s."id" = NEW."sourceId"
    AND NEW."start" >= 0 AND NEW."end" > NEW."start" AND NEW."end" <= s."length"
    AND substr(s."text", NEW."start" + 1, NEW."end" - NEW."start") = NEW."exact"
    AND substr(s."text", max(NEW."start" - 32, 0) + 1, NEW."start" - max(NEW."start" - 32, 0)) = NEW."prefix"
    AND substr(s."text", NEW."end" + 1, 32) = NEW."suffix"
)
BEGIN
  SELECT RAISE(ABORT, 'VERBATIM_SPAN_MISMATCH: span text, prefix or suffix differs from its source at the given offsets');
END;

CREATE TRIGGER "Span_verbatim_update"
BEFORE UPDATE ON "Span"
WHEN NOT EXISTS (
  SELECT 1 FROM "Source" s JOIN "Claim" c ON c."id" = NEW."claimId" AND c."sourceId" = s."id"
  WHERE s."id" = NEW."sourceId"
    AND NEW."start" >= 0 AND NEW."end" > NEW."start" AND NEW."end" <= s."length"
    AND substr(s."text", NEW."start" + 1, NEW."end" - NEW."start") = NEW."exact"
    AND substr(s."text", max(NEW."start" - 32, 0) + 1, NEW."start" - max(NEW."start" - 32, 0)) = NEW."prefix"
    AND substr(s."text", NEW."end" + 1, 32) = NEW."suffix"
)
BEGIN
  SELECT RAISE(ABORT, 'VERBATIM_SPAN_MISMATCH: span text, prefix or suffix differs from its source at the given offsets');
END;

-- Claim status is one of the four verdicts.
CREATE TRIGGER "Claim_status_insert"
BEFORE INSERT ON "Claim"
WHEN NEW."status" NOT IN ('unreviewed', 'supported', 'disputed', 'stale') OR NEW."version" < 1
BEGIN
  SELECT RAISE(ABORT, 'VERBATIM_CLAIM_STATUS: status must be unreviewed, supported, disputed or stale');
END;

CREATE TRIGGER "Claim_status_update"
BEFORE UPDATE OF "status", "version" ON "Claim"
WHEN NEW."status" NOT IN ('unreviewed', 'supported', 'disputed', 'stale') OR NEW."version" < 1
BEGIN
  SELECT RAISE(ABORT, 'VERBATIM_CLAIM_STATUS: status must be unreviewed, supported, disputed or stale');
END;

-- An attribution names a person exactly when the claim is a person's (direct or indirect).
CREATE TRIGGER "Attribution_kind_insert"
BEFORE INSERT ON "Attribution"
WHEN NEW."kind" NOT IN ('direct', 'indirect', 'publication')
  OR (NEW."kind" = 'publication') <> (NEW."personId" IS NULL)
BEGIN
  SELECT RAISE(ABORT, 'VERBATIM_ATTRIBUTION_KIND: direct and indirect attributions name a person; publication attributions do not');
END;

CREATE TRIGGER "Attribution_kind_update"
BEFORE UPDATE ON "Attribution"
WHEN NEW."kind" NOT IN ('direct', 'indirect', 'publication')
  OR (NEW."kind" = 'publication') <> (NEW."personId" IS NULL)
BEGIN
  SELECT RAISE(ABORT, 'VERBATIM_ATTRIBUTION_KIND: direct and indirect attributions name a person; publication attributions do not');
END;

-- Reviews are an append-only history with valid statuses.
CREATE TRIGGER "Review_status_insert"
BEFORE INSERT ON "Review"
WHEN NEW."fromStatus" NOT IN ('unreviewed', 'supported', 'disputed', 'stale')
  OR NEW."toStatus" NOT IN ('unreviewed', 'supported', 'disputed', 'stale')
BEGIN
  SELECT RAISE(ABORT, 'VERBATIM_REVIEW_STATUS: review statuses must be unreviewed, supported, disputed or stale');
END;

CREATE TRIGGER "Review_append_only_update"
BEFORE UPDATE ON "Review"
BEGIN
  SELECT RAISE(ABORT, 'VERBATIM_REVIEW_APPEND_ONLY: review history cannot be rewritten');
END;

CREATE TRIGGER "Review_append_only_delete"
BEFORE DELETE ON "Review"
BEGIN
  SELECT RAISE(ABORT, 'VERBATIM_REVIEW_APPEND_ONLY: review history cannot be rewritten');
END;
