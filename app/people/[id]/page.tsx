import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { orNotFound } from "../../_components/not-found-on-missing";
import { StatusBadge } from "../../_components/status-badge";
import { getDb } from "@/lib/db";
import { getPerson } from "@/lib/people/get-person";
import { sourceLabel } from "@/lib/sources/label";

export const dynamic = "force-dynamic";

// generateMetadata and the page share one lookup per request.
const loadPerson = cache((id: string) => orNotFound(getPerson(getDb(), id)));

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await loadPerson((await params).id)).name };
}

export default async function PersonPage({ params }: Props) {
  const person = await loadPerson((await params).id);
  return (
    <article>
      <h1>{person.name}</h1>
      {person.description ? <p>{person.description}</p> : null}
      <p className="byline">Also written: {person.aliases.filter((a) => a !== person.name).join(", ") || "—"}</p>
      {person.roles.length ? <p className="byline">Roles as the sources state them: {person.roles.join("; ")}</p> : null}
      <h2>{person.claims.length} claims</h2>
      <ul className="claims">
        {person.claims.map((c) => (
          <li key={c.id} data-claim-id={c.id}>
            <div className="byline">
              <StatusBadge status={c.status} /> <span>{c.attribution?.kind === "direct" ? "Direct quotation" : "Reported speech"}</span>
            </div>
            <div className="claim-text">
              <Link href={`/claims/${c.id}`}>{c.text}</Link>
            </div>
            <div className="byline">
              in <Link href={`/sources/${c.source.id}`}>{sourceLabel(c.source)}</Link>
            </div>
          </li>
        ))}
      </ul>
    </article>
  );
}
