// "Changed since its verdict", recomputed from the history alone: a claim whose status is
// a verdict (not unreviewed) and that was edited — its text, date, spans or speaker —
// after its latest review. The app keeps Claim.changedSinceVerdict up to date as it
// writes (update-claim sets it, record-review clears it); this statement rebuilds it
// from reviews and edits, after a restore and in the migration that added the column
// (prisma/migrations/20261129060000_changed_since_verdict, which repeats it verbatim).
export const RECOMPUTE_CHANGED_SINCE_VERDICT_SQL = `UPDATE "Claim" SET "changedSinceVerdict" = (
  "status" <> 'unreviewed' AND EXISTS (
    SELECT 1 FROM "ClaimEdit" e
    WHERE e."claimId" = "Claim"."id" AND e."kind" = 'edit'
      AND (json_extract(e."changes", '$.text') IS NOT NULL OR json_extract(e."changes", '$.spans') IS NOT NULL
        OR json_extract(e."changes", '$.attribution') IS NOT NULL OR json_extract(e."changes", '$.asOf') IS NOT NULL)
      AND e."version" > COALESCE((SELECT MAX(r."version") FROM "Review" r WHERE r."claimId" = "Claim"."id"), 0)
  )
)`;

/** The same on PostgreSQL: `->>` is SQL NULL for a missing field and for a JSON null, as json_extract is. */
export const RECOMPUTE_CHANGED_SINCE_VERDICT_PG = RECOMPUTE_CHANGED_SINCE_VERDICT_SQL.replace(
  /json_extract\(e\."changes", '\$\.(\w+)'\)/g,
  `(e."changes"::jsonb ->> '$1')`,
);

/** Which edited fields make a verdict out of date (the rest, e.g. links, change nothing the claim says). */
export const VERDICT_FIELDS = ["text", "asOf", "spans", "attribution"] as const;
