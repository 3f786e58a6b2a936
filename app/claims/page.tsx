import Link from "next/link";
import type { Metadata } from "next";
import { AttributionLine } from "../_components/attribution-line";
import { StatusBadge } from "../_components/status-badge";
import { ExportMenu } from "./export-menu";
import { CLAIM_STATUSES } from "@/lib/claims/schemas";
import { listClaims } from "@/lib/claims/list-claims";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { personOptions } from "@/lib/people/person-options";
import { sourceLabel } from "@/lib/sources/label";
import { sourceOptions } from "@/lib/sources/source-options";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Claims" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

export default async function ClaimsPage({ searchParams }: Props) {
  const sp = await searchParams;
  const filters = {
    status: first(sp.status), person: first(sp.person), source: first(sp.source),
    changedSinceVerdict: first(sp.changedSinceVerdict) === "true" ? "true" : undefined, cursor: first(sp.cursor),
    sourceChanged: first(sp.sourceChanged) === "true" ? "true" : undefined,
  };
  const db = getDb();
  const [people, sources] = await Promise.all([personOptions(db), sourceOptions(db, 200)]);
  let page: Awaited<ReturnType<typeof listClaims>> | null = null;
  let error: string | null = null;
  try {
    page = await listClaims(db, { ...filters, limit: "50" });
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== "bad_request") throw err;
    error = err.message;
  }
  const next = new URLSearchParams(Object.entries({ ...filters, cursor: page?.nextCursor ?? undefined }).filter((e): e is [string, string] => !!e[1]));

  return (
    <>
      <h1>Claims</h1>
      <form className="filters" method="get" action="/claims">
        <label>
          Status
          <select name="status" defaultValue={filters.status ?? ""}>
            <option value="">All statuses</option>
            {CLAIM_STATUSES.map((s) => (
              <option key={s} value={s}>{s}</option>
            ))}
          </select>
        </label>
        <label>
          Speaker
          <select name="person" defaultValue={filters.person ?? ""}>
            <option value="">Anyone</option>
            {people.map((p) => (
              <option key={p.id} value={p.slug}>{p.name}</option>
            ))}
          </select>
        </label>
        <label>
          Source
          <select name="source" defaultValue={filters.source ?? ""}>
            <option value="">All sources</option>
            {sources.map((s) => (
              <option key={s.id} value={s.id}>{s.label}</option>
            ))}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" name="changedSinceVerdict" value="true" defaultChecked={filters.changedSinceVerdict === "true"} /> Changed since its verdict
        </label>
        <label className="check">
          <input type="checkbox" name="sourceChanged" value="true" defaultChecked={filters.sourceChanged === "true"} /> Source changed
        </label>
        <button type="submit">Filter</button>
      </form>
      <ExportMenu filters={{ status: filters.status, person: filters.person, source: filters.source, changedSinceVerdict: filters.changedSinceVerdict }} />
      {error ? <p role="alert">{error}</p> : null}
      {page && page.items.length === 0 ? <p>No claims match these filters.</p> : null}
      <ul className="claims">
        {page?.items.map((c) => (
          <li key={c.id} data-claim-id={c.id}>
            <div className="byline">
              <StatusBadge status={c.status} />
              {c.changedSinceVerdict ? <span className="badge badge-changed">changed since its verdict</span> : null}
              {c.sourceChanged ? <span className="badge badge-changed">source changed</span> : null}
              <AttributionLine attribution={c.attribution} publisher={c.source.publisher} />
            </div>
            <div className="claim-text">
              <Link href={`/claims/${c.id}`}>{c.text}</Link>
            </div>
            {c.spans[0] ? <p className="quote">“{c.spans.map((s) => s.exact).join(" … ")}”</p> : null}
            <div className="byline">
              <span>
                in <Link href={`/sources/${c.source.id}`}>{sourceLabel(c.source)}</Link>
              </span>
            </div>
          </li>
        ))}
      </ul>
      {page?.nextCursor ? (
        <p className="pager">
          <Link href={`/claims?${next.toString()}`} rel="next">Next page →</Link>
        </p>
      ) : null}
    </>
  );
}
