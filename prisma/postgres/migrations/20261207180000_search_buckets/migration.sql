-- same data as SQLite migration 20261207125607_claim_status_updated
-- The search window (lib/search/pg-search.ts) wants the newest matches of a query. FTS5
-- walks its row lists from the newest row and stops at the window; a GIN index returns
-- every match in no order, and the other plan PostgreSQL has, walking "seq" down and
-- testing each row, reads 50 rows per match when 2 % of the rows match. At a million
-- claims a two-word search of common words took 10-15 ms either way, three words 25 ms.
--
-- So the rows also carry their "seq" in buckets, 4,096 ("fine") and 65,536 ("coarse")
-- rows wide, as keys of the GIN index beside the words (btree_gin). A search for
-- `fine = b AND doc @@ q` intersects the bucket's rows with the words' inside the index,
-- and the window reads buckets newest first until it has its matches: 4-6 ms for those
-- searches. The fine buckets cover the newest two coarse ones, so a query that matches a
-- row in twenty finds its window in one or two small buckets; older rows are read a
-- coarse bucket at a time, so a query that matches rarely pays few bucket reads.
--
-- The new index replaces the one on "doc" alone: a GIN index answers a condition on any
-- of its columns.
CREATE EXTENSION IF NOT EXISTS btree_gin;

ALTER TABLE "ClaimSearch"
  ADD COLUMN "fine" INTEGER GENERATED ALWAYS AS (("seq" >> 12)::integer) STORED,
  ADD COLUMN "coarse" INTEGER GENERATED ALWAYS AS (("seq" >> 16)::integer) STORED;

DROP INDEX "ClaimSearch_doc_idx";
CREATE INDEX "ClaimSearch_bucket_doc_idx" ON "ClaimSearch" USING gin ("fine", "coarse", "doc");
