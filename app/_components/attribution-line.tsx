import Link from "next/link";

type Attribution = {
  kind: string;
  role: string | null;
  person: { name: string; slug: string } | null;
} | null;

const KIND_LABELS: Record<string, string> = {
  direct: "Direct quotation",
  indirect: "Reported speech",
  publication: "The publication's own assertion",
};

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
