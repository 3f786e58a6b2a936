import type { SearchFacets } from "@/lib/search/search-claims";
import { sourceLabel } from "@/lib/sources/label";
import { searchHref, type SearchParams } from "./search-href";

type Option = { key: string; label: string; count: number; value: string; active: boolean };

function FacetGroup({ title, name, options, params }: { title: string; name: "status" | "person" | "source"; options: Option[]; params: SearchParams }) {
  if (options.length === 0) return null;
  return (
    <section className="facet" aria-labelledby={`facet-${name}`}>
      <h2 id={`facet-${name}`}>{title}</h2>
      <ul>
        {options.map((o) => (
          <li key={o.key}>
            {o.active ? (
              // The active value links to the same search without it.
              <a href={searchHref(params, { [name]: undefined })} aria-current="true" aria-label={`${o.label}: ${o.count} (remove this filter)`}>
                <strong>{o.label}</strong> <span className="count">{o.count}</span> <span aria-hidden="true">×</span>
              </a>
            ) : (
              <a href={searchHref(params, { [name]: o.value })} aria-label={`${o.label}: ${o.count} matching claims`}>
                {o.label} <span className="count">{o.count}</span>
              </a>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Facet links: each narrows the search to one status, person or source; an active one removes itself. */
export function FacetList({ facets, counted, params }: { facets: SearchFacets; counted: number; params: SearchParams }) {
  return (
    <aside className="facets" aria-label="Refine the results">
      {facets.capped ? <p className="muted">Counted over the {counted.toLocaleString("en")} most recent matches.</p> : null}
      <FacetGroup
        title="Status"
        name="status"
        params={params}
        options={facets.status.map((s) => ({ key: s.value, label: s.value.charAt(0).toUpperCase() + s.value.slice(1), value: s.value, count: s.count, active: params.status === s.value }))}
      />
      <FacetGroup
        title="Speaker"
        name="person"
        params={params}
        options={facets.person.map((p) => ({
          key: p.id, label: p.name, value: p.slug, count: p.count, active: params.person === p.slug || params.person === p.id,
        }))}
      />
      <FacetGroup
        title="Source"
        name="source"
        params={params}
        options={facets.source.map((s) => ({ key: s.id, label: sourceLabel(s), value: s.id, count: s.count, active: params.source === s.id }))}
      />
    </aside>
  );
}
