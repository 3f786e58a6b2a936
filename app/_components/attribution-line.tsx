import Link from "next/link";
import { KIND_LABELS } from "@/lib/claims/attribution-label";

type Attribution = {
  kind: string;
  role: string | null;
  person: { name: string; slug: string } | null;
} | null;


/** "Direct quotation — Dmitry Peskov, Kremlin spokesman" */
export function AttributionLine({ attribution, publisher }: { attribution: Attribution; publisher: string | null }) {
  if (!attribution) return <span className="muted">Attribution unknown</span>;
  return (
    <span className="attribution" data-kind={attribution.kind}>
      <span className="kind">{KIND_LABELS[attribution.kind] ?? attribution.kind}</span>
      {" — "}
      {attribution.person ? (
        <>
          <Link href={`/people/${attribution.person.slug}`}>{attribution.person.name}</Link>
          {attribution.role ? <span className="role">, {attribution.role}</span> : null}
        </>
      ) : (
        <span>{publisher ?? <span className="unknown">publisher unknown</span>}</span>
      )}
    </span>
  );
}
