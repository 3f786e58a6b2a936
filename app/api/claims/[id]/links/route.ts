import { requireEditor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { readDbFor } from "@/lib/db-read";
import { handle, json, readJson } from "@/lib/http/handle";
import { createLink } from "@/lib/links/create-link";
import { listLinks } from "@/lib/links/list-links";
import { otherMethods } from "@/lib/http/methods";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

/** The claim's links both ways (public): `{ items: [{ id, kind, direction, note, claim: { id, text, status, source } }] }`. */
export const GET = handle<Ctx>(async (_req, { params }) => json({ items: await listLinks(readDbFor(), (await params).id) }));

/** An editor links this claim to another `{ toClaimId, kind, note? }`: 201; 409 if the two are already linked either way; 422 self-link or unknown target. */
export const POST = handle<Ctx>(async (req, { params }) => {
  const actor = await requireEditor(req);
  const { id } = await params;
  const link = await createLink(getDb(), { actor, claimId: id, input: await readJson(req) });
  return json(link, { status: 201 });
});

export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
