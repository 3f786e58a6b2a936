import { countOf } from "@/lib/render/plural";
import Link from "next/link";
import { getDb } from "@/lib/db";
import { formatPartialDate } from "@/lib/dates";
import { sourceLabel } from "@/lib/sources/label";
import { listSources } from "@/lib/sources/list-sources";

export const dynamic = "force-dynamic";
export const metadata = { title: "Sources" };

export default async function SourcesPage() {
  const sources = await listSources(getDb());
  return (
    <>
      <h1>Sources</h1>
      <ul className="claims">
        {sources.map((s) => (
          <li key={s.id}>
            <div className="claim-text">
              <Link href={`/sources/${s.id}`}>{sourceLabel(s)}</Link>
            </div>
            <div className="byline">
              <span>{s.publisher ?? <span className="unknown">publisher unknown</span>}</span>
              <span>{s.publishedAt ? formatPartialDate(s.publishedAt) : <span className="unknown">date unknown</span>}</span>
              <span>{countOf(s.claimCount, "claim")}</span>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
