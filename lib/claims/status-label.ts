import type { ClaimStatus } from "./schemas";

/** A verdict in words, as every page, badge and export names it. */
export const STATUS_LABEL: Record<ClaimStatus, string> = {
  unreviewed: "Unreviewed",
  supported: "Supported",
  disputed: "Disputed",
  stale: "Stale",
};
