// Small facts about a claim that several formats need, derived once so they agree.
import type { ClaimStatus } from "../claims/schemas";
import type { ExportClaim, ExportReview } from "./types";

/** The review that set the claim's current status (reviews are oldest first), if any. */
export function latestReview(claim: ExportClaim): ExportReview | null {
  return claim.reviews.at(-1) ?? null;
}

/** The status as a known value; the database CHECK makes anything else impossible. */
export function claimStatus(claim: Pick<ExportClaim, "id" | "status">): ClaimStatus {
  const s = claim.status;
  if (s === "supported" || s === "disputed" || s === "stale" || s === "unreviewed") return s;
  throw new Error(`claim ${claim.id}: unknown status ${JSON.stringify(s)}`);
}

export { STATUS_LABEL } from "../claims/status-label";

// Whitespace that oneLine would change: any but a space, two spaces, a space at either end.
const NOT_ONE_LINE = /[^\S ]| {2}|^ | $/u;

/** Quotes are shown on one line in citations: any run of whitespace (CR/LF, NBSP…) becomes one space. */
export function oneLine(s: string): string {
  // Most text is already one line: testing is several times cheaper than rebuilding it.
  return NOT_ONE_LINE.test(s) ? s.replace(/\s+/gu, " ").trim() : s;
}

/** The claim's verbatim quote(s) for a human reader, spans joined by an ellipsis. */
export function quoteText(claim: ExportClaim): string {
  return claim.spans.map((s) => oneLine(s.exact)).join(" … ");
}

/** A non-empty trimmed string, or null: empty metadata counts as unknown, never as a value. */
export function known(s: string | null | undefined): string | null {
  const t = s?.trim();
  return t ? t : null;
}
