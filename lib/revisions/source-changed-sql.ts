// Claim.sourceChanged, recomputed from the source changes alone: a claim is flagged while
// it has an open SourceChange. The app keeps the column up to date as it writes
// (reanchor-claims sets it, resolve-source-change clears it); this rebuilds it after a restore.
export const RECOMPUTE_SOURCE_CHANGED_SQL = `UPDATE "Claim" SET "sourceChanged" = EXISTS (
  SELECT 1 FROM "SourceChange" sc WHERE sc."claimId" = "Claim"."id" AND sc."state" = 'open'
)`;
