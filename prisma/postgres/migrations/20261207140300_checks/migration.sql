-- same data as SQLite migration 20261207125607_claim_status_updated
-- The CHECK constraints of SQLite's migrations (suggestion_rejections, source_revisions),
-- which Prisma does not model, on PostgreSQL. JSON columns stay TEXT, as on SQLite (the
-- API serves their stored text); these checks keep each one a JSON object or array.

CREATE FUNCTION verbatim_json_type(doc text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RETURN json_typeof(doc::json);
EXCEPTION WHEN others THEN
  RETURN NULL;
END
$$;

ALTER TABLE "SuggestionRejection"
  ADD CONSTRAINT "SuggestionRejection_kind_check" CHECK ("kind" IN ('direct', 'indirect', 'publication')),
  ADD CONSTRAINT "SuggestionRejection_key_check" CHECK ("key" ~ '^[0-9].*-[0-9]' AND "key" !~ '[^0-9,-]');

ALTER TABLE "SourceEdit"
  ADD CONSTRAINT "SourceEdit_kind_check" CHECK ("kind" IN ('edit', 'revision')),
  ADD CONSTRAINT "SourceEdit_changes_check" CHECK (verbatim_json_type("changes") = 'object');

ALTER TABLE "SourceArchive"
  ADD CONSTRAINT "SourceArchive_redirects_check" CHECK (verbatim_json_type("redirects") = 'array');

ALTER TABLE "SourceChange"
  ADD CONSTRAINT "SourceChange_state_check" CHECK ("state" IN ('open', 'confirmed', 'reanchored', 'stale', 'superseded')),
  ADD CONSTRAINT "SourceChange_spans_check" CHECK (verbatim_json_type("spans") = 'array'),
  ADD CONSTRAINT "SourceChange_sources_check" CHECK ("fromSourceId" <> "toSourceId");

ALTER TABLE "Source"
  ADD CONSTRAINT "Source_version_check" CHECK ("version" >= 1),
  ADD CONSTRAINT "Source_metadataOrigin_check" CHECK (verbatim_json_type("metadataOrigin") = 'object'),
  ADD CONSTRAINT "Source_republishedFrom_check" CHECK ("republishedFrom" IS NULL OR verbatim_json_type("republishedFrom") = 'object');
