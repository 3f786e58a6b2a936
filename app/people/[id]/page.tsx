import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { cache } from "react";
import { orNotFound } from "../../_components/not-found-on-missing";
import { AddAliasForm } from "./add-alias-form";
import { MergePersonForm } from "./merge-person-form";
import { RemoveAliasButton } from "./remove-alias-button";
import { SameAsForm } from "./same-as-form";
import { PersonClaimItem } from "./person-claim-item";
import { httpUrl } from "@/lib/render/safe-url";
import { currentActor } from "@/lib/auth/current-actor";
import { canEdit } from "@/lib/auth/roles";
import { getDb } from "@/lib/db";
import { getPerson } from "@/lib/people/get-person";
import { listPeople } from "@/lib/people/list-people";
import { resolvePersonId } from "@/lib/people/resolve-person-id";
import { sourceLabel } from "@/lib/sources/label";
import { claimsAbout } from "@/lib/people/claims-about";
import { countOf } from "@/lib/render/plural";

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

const KIND_LABELS: Record<string, string> = { direct: "Direct quotation", indirect: "Reported speech" };

const day = (d: Date) => d.toISOString().slice(0, 10);

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await loadPerson((await params).id)).name };
}

export default async function PersonPage({ params }: Props) {
  const person = await loadPerson((await params).id);
  const editor = canEdit((await currentActor())?.role);
  const others = editor ? (await listPeople(getDb())).filter((p) => p.id !== person.id) : [];
  const otherAliases = person.aliasEntries.filter((a) => a.alias !== person.name);
  const byId = new Map(person.claims.map((c) => [c.id, c]));
  const about = await claimsAbout(getDb(), person);
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
      {person.sameAs.length ? (
        <p className="byline same-as">
          Same as:{" "}
          {person.sameAs.map((url, i) => (
            <span key={url}>
              {i ? ", " : ""}
              {httpUrl(url) ? <a href={url} rel="noopener noreferrer">{url}</a> : url}
            </span>
          ))}
        </p>
      ) : null}
      {editor ? <SameAsForm personId={person.id} sameAs={person.sameAs} /> : null}
      <section aria-labelledby="roles-heading">
        <h2 id="roles-heading">Roles, as the sources state them</h2>
        {person.statedRoles.length ? (
          <ul className="roles">
            {person.statedRoles.map((r) => (
              <li key={r.role} data-role={r.role}>
                <strong>{r.role}</strong> —{" "}
                {r.sources.map((s, i) => (
                  <span key={s.id}>
                    {i ? "; " : ""}
                    <a href={`/sources/${s.id}`}>{sourceLabel(s)}</a>
                  </span>
                ))}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">No source states a role for {person.name}.</p>
        )}
      </section>
      {person.mergedFrom.length ? (
        <section aria-label="Merged from">
          <h2>Merged from</h2>
          <ul>
            {person.mergedFrom.map((m) => (
              <li key={m.id}>
                {m.name} ({countOf(m.claimCount, "claim")}), merged on <time dateTime={m.mergedAt.toISOString()}>{day(m.mergedAt)}</time> by{" "}
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
      <section aria-labelledby="claims-heading">
        <h2 id="claims-heading">
          {countOf(person.claims.length, "claim")} by {person.name}, by source
        </h2>
        {person.claimsBySource.map((group) => (
          <section key={group.source.id} className="person-source" data-source-id={group.source.id} aria-labelledby={`src-${group.source.id}`}>
            <h3 id={`src-${group.source.id}`}>
              <a href={`/sources/${group.source.id}`}>{sourceLabel(group.source)}</a>{" "}
              <span className="muted">({group.claimIds.length})</span>
            </h3>
            <ul className="claims">
              {group.claimIds.map((id) => byId.get(id)!).map((c) => (
                <PersonClaimItem key={c.id} claim={c} label={KIND_LABELS[c.attribution?.kind ?? ""] ?? "Attribution unknown"} />
              ))}
            </ul>
          </section>
        ))}
      </section>
      <section aria-labelledby="about-heading">
        <h2 id="about-heading">{countOf(about.length, "claim")} about {person.name}</h2>
        <p className="muted">Claims by others whose wording names {person.name} by one of the spellings above.</p>
        <ul className="claims">
          {about.map((c) => (
            <PersonClaimItem key={c.id} claim={c} about label={c.attribution?.person ? `by ${c.attribution.person.name}` : "the publication's own assertion"} />
          ))}
        </ul>
      </section>
    </article>
  );
}
