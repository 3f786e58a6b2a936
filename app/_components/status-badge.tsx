const LABELS: Record<string, string> = {
  unreviewed: "Unreviewed",
  supported: "Supported",
  disputed: "Disputed",
  stale: "Stale",
};

/** A verdict in colour and in words (colour alone is not enough to read it). */
export function StatusBadge({ status }: { status: string }) {
  return (
    <span className={`badge badge-${status}`} data-status={status}>
      {LABELS[status] ?? status}
    </span>
  );
}
