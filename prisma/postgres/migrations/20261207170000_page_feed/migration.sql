-- same data as SQLite migration 20261207125607_claim_status_updated
-- The reader page cache's change feed on PostgreSQL (lib/cache/change-feed-pg.mjs).
--
-- On SQLite one writer at a time commits, so "PageChange"."seq" is in commit order and a
-- reader of the feed can remember the last seq it read. On PostgreSQL a sequence number is
-- taken when a row is written, not when its transaction commits: a transaction can commit
-- rows with a lower seq after others with a higher one were read, and a reader that
-- remembered the highest seq would never see them. So each change also records its
-- transaction id ("xid", xid8), and a reader asks for the rows of every transaction that
-- was not yet finished at its previous read (xid >= that snapshot's xmin), skipping the
-- ones it has already seen.
--
-- The 32 triggers of the page_changes migration keep inserting into "PageChange"; this
-- trigger puts each row into "PageFeed" instead, with its transaction id ("PageChange"
-- stays empty on PostgreSQL). "PageFeed" is not in prisma/schema.prisma (xid8 has no
-- Prisma type); lib/migrate/postgres-schema.ts lists it as an external table.
CREATE TABLE "PageFeed" (
  "seq" BIGSERIAL NOT NULL PRIMARY KEY,
  "xid" xid8 NOT NULL DEFAULT pg_current_xact_id(),
  "tags" TEXT NOT NULL,
  "at" INTEGER NOT NULL
);
CREATE INDEX "PageFeed_xid_idx" ON "PageFeed" ("xid");

CREATE FUNCTION "PageChange_feed_fn"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "PageFeed" ("tags", "at") VALUES (NEW."tags", NEW."at");
  RETURN NULL;
END
$$;
CREATE TRIGGER "PageChange_feed" BEFORE INSERT ON "PageChange"
FOR EACH ROW
EXECUTE FUNCTION "PageChange_feed_fn"();
