// The triggers `verbatim verify` requires: without one, a write could break an invariant,
// leave a search index behind, or let the reader cache serve a changed page. The same
// names on both engines (PostgreSQL's run plpgsql functions; prisma/postgres/migrations).
import { PAGE_CHANGE_TRIGGERS } from "../cache/page-change-triggers";

export const REQUIRED_TRIGGERS = [
  "Source_insert_length",
  "Source_text_immutable",
  "Span_verbatim_insert",
  "Span_verbatim_update",
  "Claim_status_insert",
  "Claim_status_update",
  "Attribution_kind_insert",
  "Attribution_kind_update",
  "Review_status_insert",
  "Review_append_only_update",
  "Review_append_only_delete",
  "ClaimEdit_kind_insert",
  "ClaimEdit_append_only_update",
  "ClaimEdit_append_only_delete",
  "ClaimLink_kind_insert",
  "ClaimLink_kind_update",
  "PersonMerge_append_only_update",
  "PersonMerge_append_only_delete",
  "User_role_insert",
  "User_role_update",
  // The search index (prisma/migrations/*_search), kept in step with every write.
  "ClaimSearch_claim_insert",
  "ClaimSearch_claim_update",
  "ClaimSearch_claim_delete",
  "ClaimSearch_span_insert",
  "ClaimSearch_span_update",
  "ClaimSearch_span_delete",
  "ClaimSearch_attribution_insert",
  "ClaimSearch_attribution_update",
  "ClaimSearch_attribution_delete",
  "ClaimSearch_person_update",
  "ClaimSearch_alias_insert",
  "ClaimSearch_alias_update",
  "ClaimSearch_alias_delete",
  "ClaimSearch_source_update",
  // Sources that change (prisma/migrations/*_source_revisions).
  "SourceEdit_no_update",
  "SourceEdit_no_delete",
  "SourceArchive_immutable",
  "Source_revision_immutable",
  "SourceChange_resolved_final",
  // The similar-claim index (prisma/migrations/*_claim_matching).
  "ClaimMatch_claim_insert",
  "ClaimMatch_claim_update",
  "ClaimMatch_claim_delete",
  "ClaimMatch_span_insert",
  "ClaimMatch_span_update",
  "ClaimMatch_span_delete",
  "ClaimMatch_attribution_insert",
  "ClaimMatch_attribution_update",
  "ClaimMatch_attribution_delete",
  "ClaimMatch_person_update",
  "ClaimMatch_alias_insert",
  "ClaimMatch_alias_update",
  "ClaimMatch_alias_delete",
  "ClaimMatch_source_update",
  // Sentence vectors (prisma/migrations/*_claim_vectors): a new text drops the old vector.
  "ClaimVector_claim_text",
  ...PAGE_CHANGE_TRIGGERS,
];

/** PostgreSQL's own: page changes go to the commit-safe feed (prisma/postgres/migrations/*_page_feed). */
export const PG_ONLY_TRIGGERS = ["PageChange_feed"];
