import type { Metadata } from "next";
import Link from "next/link";
import { SimilarClaimsSection } from "../../../_components/similar-claims";
import { orNotFound } from "../../../_components/not-found-on-missing";
import { currentActor } from "@/lib/auth/current-actor";
import { canEdit } from "@/lib/auth/roles";
import { getClaimWithSourceText } from "@/lib/claims/get-claim-with-source-text";
import { databaseUrl } from "@/lib/db-url";
import { readDbFor } from "@/lib/db-read";
import { listLinks } from "@/lib/links/list-links";
import { similarToClaim } from "@/lib/match/similar-to-claim";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Similar claims" };

/** The claims most like one claim, on a page of its own (the claim page loads the same list after it loads). */
export default async function SimilarClaimsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const read = readDbFor();
  const { claim } = await orNotFound(Promise.resolve().then(() => getClaimWithSourceText(read, id)));
  const linked = new Set((await listLinks(read, claim.id)).map((l) => l.claim.id));
  const items = (await similarToClaim(read, claim.id, { limit: "20" }, databaseUrl())).filter((i) => !linked.has(i.claim.id));
  const editor = canEdit((await currentActor())?.role);
  return (
    <article>
      <p>
        <Link href={`/claims/${encodeURIComponent(claim.id)}`}>← {claim.text}</Link>
      </p>
      <SimilarClaimsSection claimId={claim.id} items={items} editor={editor} />
    </article>
  );
}
