import { STATUS_LABEL } from "@/lib/claims/status-label";
import { statusBadgeClass } from "@/lib/render/claim-list-html";

/** A verdict in colour and in words (colour alone is not enough to read it). */
export function StatusBadge({ status }: { status: string }) {
  return (
    <span className={statusBadgeClass(status)} data-status={status}>
      {STATUS_LABEL[status as keyof typeof STATUS_LABEL] ?? status}
    </span>
  );
}
