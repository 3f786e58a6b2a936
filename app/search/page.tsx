import type { Metadata } from "next";
import { AttributionLine } from "../_components/attribution-line";
import { StatusBadge } from "../_components/status-badge";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { prepareSearch, type SearchResult } from "@/lib/search/search-claims";
import { searchInPool } from "@/lib/search/search-pool";
import { sourceLabel } from "@/lib/sources/label";
import { FacetList } from "./facet-list";
import { Highlighted } from "./highlighted";
import { SearchBox } from "./search-box";
import { searchHref, type SearchParams } from "./search-href";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const q = first((await searchParams).q)?.trim();
  return { title: q ? `“${q.slice(0, 60)}” · Search` : "Search" };
}

export default async function SearchPage({ searchParams }: Props) {
  const sp = await searchParams;
  const q = first(sp.q)?.trim() ?? "";
  const params: SearchParams = { q, status: first(sp.status), person: first(sp.person), source: first(sp.source), cursor: first(sp.cursor) };
  let result: SearchResult | null = null;
  let error: string | null = null;
  if (q) {
    try {
      result = await searchInPool(await prepareSearch(getDb(), { ...params, limit: "20" }));
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== "bad_request") throw err;
      error = err.message;
    }
  }

  return (
    <>
      <h1>Search</h1>
      <SearchBox id="search-page-q" defaultValue={q} />
      {!q ? <p className="muted">Search claim text, quotes, speakers (under any spelling of their name) and source titles.</p> : null}
      {error ? <p role="alert">{error}</p> : null}
      {result ? (
        <div className="search-results">
          <FacetList facets={result.facets} counted={result.total.count} params={params} />
          <section aria-labelledby="results-heading">
            <h2 id="results-heading">
              {summary(result)}
            </h2>
            <ol className="claims">
              {result.items.map((c) => (
                <li key={c.id} data-claim-id={c.id}>
                  <div className="byline">
                    <StatusBadge status={c.status} />
                    <AttributionLine attribution={c.attribution} publisher={c.source.publisher} />
                  </div>
                  <div className="claim-text">
                    <a href={`/claims/${c.id}`}>
                      <Highlighted segments={c.highlights.text} />
                    </a>
                  </div>
                  {c.highlights.quote.length ? (
                    <p className="quote">
                      “<Highlighted segments={c.highlights.quote} />”
                    </p>
                  ) : null}
                  {c.highlights.people ? (
                    <p className="byline">
                      <span>
                        Speaker’s names: <Highlighted segments={c.highlights.people} />
                      </span>
                    </p>
                  ) : null}
                  <div className="byline">
                    <span>
                      in <a href={`/sources/${c.source.id}`}>{c.highlights.source ? <Highlighted segments={c.highlights.source} /> : sourceLabel(c.source)}</a>
                    </span>
                  </div>
                </li>
              ))}
            </ol>
            {result.nextCursor ? (
              <p className="pager">
                <a href={searchHref(params, { cursor: result.nextCursor })} rel="next">
                  Next page →
                </a>
              </p>
            ) : null}
          </section>
        </div>
      ) : null}
    </>
  );
}

const fmt = (n: number) => n.toLocaleString("en");

function summary(r: SearchResult): string {
  const { count, capped } = r.total;
  if (count === 0) return `No claims match “${r.q}”.`;
  if (capped) return `More than ${fmt(count)} claims match “${r.q}”; the ${fmt(count)} most recent are ranked.`;
  return `${fmt(count)} ${count === 1 ? "claim matches" : "claims match"} “${r.q}”.`;
}
