import Link from "next/link";
import { getDb } from "@/lib/db";
import { listPeopleWithRoles } from "@/lib/people/list-people";
import { countOf } from "@/lib/render/plural";

export const dynamic = "force-dynamic";
export const metadata = { title: "People" };

type Person = Awaited<ReturnType<typeof listPeopleWithRoles>>[number];

function PersonItem({ p }: { p: Person }) {
  return (
    <li data-person-id={p.id}>
      <div className="claim-text">
        <Link href={`/people/${p.slug}`}>{p.name}</Link>
      </div>
      <div className="byline">
        {p.roles.length ? <span className="roles">{p.roles.join("; ")}</span> : null}
        {p.description && !p.roles.includes(p.description) ? <span>{p.description}</span> : null}
        <span>{countOf(p.claimCount, "claim")}</span>
      </div>
    </li>
  );
}

/**
 * The speakers: people with claims attributed to them, with the roles their sources give
 * them. People left with no claims (after an edit or a merge) are listed apart.
 */
export default async function PeoplePage() {
  const people = await listPeopleWithRoles(getDb());
  const speakers = people.filter((p) => p.claimCount > 0);
  const idle = people.filter((p) => p.claimCount === 0);
  return (
    <>
      <h1>People</h1>
      <ul className="claims" aria-label="Speakers">
        {speakers.map((p) => (
          <PersonItem key={p.id} p={p} />
        ))}
      </ul>
      {idle.length ? (
        <details className="idle-people">
          <summary>{countOf(idle.length, "person", "people")} with no claims attributed to them</summary>
          <p className="muted">Stored spellings that no claim uses any more, e.g. after an edit or a merge.</p>
          <ul className="claims" aria-label="People with no claims">
            {idle.map((p) => (
              <PersonItem key={p.id} p={p} />
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}
