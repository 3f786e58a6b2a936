// The input of every exporter: one claim exactly as `getClaim()` returns it (the API's
// JSON shape), so the API routes, the bulk export and the claim page can all pass what
// they already hold. A type-only import: nothing in lib/export touches the database.
import type { ClaimDetail } from "../claims/get-claim";
import type { CitationClaim } from "../claims/iterate-claims";

export type ExportClaim = ClaimDetail;
/** What CSL-JSON (toCslItem) reads of a claim: any ExportClaim, or the bulk export's lean CitationClaim. */
export type CslClaim = CitationClaim;
export type ExportSpan = ExportClaim["spans"][number];
export type ExportSource = ExportClaim["source"];
export type ExportReview = ExportClaim["reviews"][number];

/** Who publishes the fact-checks (ClaimReview `author`, annotation `creator`). */
export type ExportOrganization = { name: string; url?: string };

export type ExportContext = {
  /** The app's absolute origin (and base path), e.g. "https://verbatim.example"; a trailing slash is ignored. */
  baseUrl: string;
  /** Defaults to { name: "Verbatim" }. */
  organization?: ExportOrganization;
};

/** The offset unit of every exported position: README "The verbatim invariant". */
export const OFFSET_UNIT = "unicode-code-point";
