import { BULK_FORMAT_IDS } from "@/lib/export/schemas";

const LABELS: Record<(typeof BULK_FORMAT_IDS)[number], string> = {
  "csl-json": "CSL-JSON (Zotero, Pandoc)",
  bibtex: "BibTeX",
  biblatex: "BibLaTeX",
  ris: "RIS (EndNote, Mendeley)",
  claimreview: "ClaimReview (schema.org JSON-LD)",
  annotation: "W3C Web Annotation",
  csv: "CSV (spreadsheet)",
};

/**
 * Every claim the list's filters select, in a citation format: links to /api/export with
 * the same filters (a <details> menu: no JavaScript needed).
 */
export function ExportMenu({ filters }: { filters: Record<string, string | undefined> }) {
  const query = (format: string) => {
    const q = new URLSearchParams({ format });
    for (const [k, v] of Object.entries(filters)) if (v) q.set(k, v);
    return `/api/export?${q}`;
  };
  const filtered = Object.values(filters).some(Boolean);
  return (
    <details className="export-menu">
      <summary>Export {filtered ? "these claims" : "all claims"}</summary>
      <ul>
        {BULK_FORMAT_IDS.map((id) => (
          <li key={id}>
            <a href={query(id)} download>
              {LABELS[id]}
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}
