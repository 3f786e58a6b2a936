import { requireActor, requireEditor } from "@/lib/auth/actor";
import { createTokenInput } from "@/lib/auth/schemas";
import { createApiToken, listApiTokens } from "@/lib/auth/tokens";
import { getDb } from "@/lib/db";
import { handle, json, readJson } from "@/lib/http/handle";
import { parseInput } from "@/lib/validation";
import { otherMethods } from "@/lib/http/methods";

export const dynamic = "force-dynamic";

/** The caller's own API tokens (never the tokens themselves, which are not stored). */
export const GET = handle(async (req: Request) => {
  const actor = await requireActor(req);
  return json({ items: await listApiTokens(getDb(), actor.id) });
});

/** A new token for the caller, shown once in the response. */
export const POST = handle(async (req: Request) => {
  const actor = await requireEditor(req);
  const { name } = parseInput(createTokenInput, await readJson(req), "unprocessable");
  const { token, info } = await createApiToken(getDb(), { userId: actor.id, name });
  return json({ token, ...info }, { status: 201 });
});

export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
