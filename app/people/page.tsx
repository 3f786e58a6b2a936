import Link from "next/link";
import { getDb } from "@/lib/db";
import { listPeople } from "@/lib/people/list-people";

export const dynamic = "force-dynamic";
export const metadata = { title: "People" };

export default async function PeoplePage() {
  const people = await listPeople(getDb());
  return (
    <>
      <h1>People</h1>
      <ul className="claims">
        {people.map((p) => (
          <li key={p.id}>
            <div className="claim-text">
              <Link href={`/people/${p.slug}`}>{p.name}</Link>
            </div>
            <div className="byline">
              {p.description ? <span>{p.description}</span> : null}
              <span>{p.claimCount} claims</span>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
