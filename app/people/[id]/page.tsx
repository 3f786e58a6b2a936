import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { notFound, permanentRedirect } from "next/navigation";
import { cache } from "react";
import { orNotFound } from "../../_components/not-found-on-missing";
import { StatusBadge } from "../../_components/status-badge";
import { AddAliasForm } from "./add-alias-form";
import { MergePersonForm } from "./merge-person-form";
import { RemoveAliasButton } from "./remove-alias-button";
import { getActor } from "@/lib/auth/actor";
import { canEdit } from "@/lib/auth/roles";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getPerson } from "@/lib/people/get-person";
import { listPeople } from "@/lib/people/list-people";
import { resolvePersonId } from "@/lib/people/resolve-person-id";
import { sourceLabel } from "@/lib/sources/label";

export const dynamic = "force-dynamic";

// generateMetadata and the page share one lookup per request. A merged person's old id
// or slug redirects permanently to the survivor, so links to it keep working.
const loadPerson = cache(async (id: string) => {
  const db = getDb();
  const found = await resolvePersonId(db, id);
  if (!found) notFound();
  if (found.mergedFrom) permanentRedirect(`/people/${encodeURIComponent(found.slug)}`);
  return orNotFound(getPerson(db, found.id)); // merged away since the line above: 404, not 500
});

/** Whether the viewer may edit; a bad bearer token on a page view just means "reader". */
async function viewerCanEdit(): Promise<boolean> {
  try {
    return canEdit((await getActor(await headers()))?.role);
  } catch (err) {
    if (err instanceof AppError) return false;
    throw err;
  }
}

const day = (d: Date) => d.toISOString().slice(0, 10);

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await loadPerson((await params).id)).name };
}

export default async function PersonPage({ params }: Props) {
  const person = await loadPerson((await params).id);
  const editor = await viewerCanEdit();
  const others = editor ? (await listPeople(getDb())).filter((p) => p.id !== person.id) : [];
  const otherAliases = person.aliasEntries.filter((a) => a.alias !== person.name);
  return (
    <article>
      <h1>{person.name}</h1>
      {person.description ? <p>{person.description}</p> : null}
      {editor ? (
        <section aria-label="Aliases">
          <p className="byline">Also written:{otherAliases.length ? "" : " —"}</p>
          <ul className="aliases">
            {otherAliases.map((a) => (
              <li key={a.id}>
                {a.alias} <RemoveAliasButton personId={person.id} aliasId={a.id} alias={a.alias} />
              </li>
            ))}
          </ul>
          <AddAliasForm personId={person.id} />
        </section>
      ) : (
        <p className="byline">Also written: {otherAliases.map((a) => a.alias).join(", ") || "—"}</p>
      )}
      {person.roles.length ? <p className="byline">Roles as the sources state them: {person.roles.join("; ")}</p> : null}
      {person.mergedFrom.length ? (
        <section aria-label="Merged from">
          <h2>Merged from</h2>
          <ul>
            {person.mergedFrom.map((m) => (
              <li key={m.id}>
                {m.name} ({m.claimCount} {m.claimCount === 1 ? "claim" : "claims"}), merged on <time dateTime={m.mergedAt.toISOString()}>{day(m.mergedAt)}</time> by{" "}
                {m.actorName}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {editor ? (
        <section aria-label="Merge">
          <h2>Merge another person into {person.name}</h2>
          <MergePersonForm survivor={{ id: person.id, name: person.name }} candidates={others.map((p) => ({ id: p.id, name: p.name, claimCount: p.claimCount }))} />
        </section>
      ) : null}
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
