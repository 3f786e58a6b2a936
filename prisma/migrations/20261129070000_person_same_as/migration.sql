-- Identifiers an editor records for a person (e.g. a Wikidata URL): a JSON array of
-- http(s) URLs, published as schema.org sameAs with the person's claims.
ALTER TABLE "Person" ADD COLUMN "sameAs" TEXT NOT NULL DEFAULT '[]';
