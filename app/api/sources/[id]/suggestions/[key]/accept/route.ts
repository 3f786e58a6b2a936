import { requireEditor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { handle, json } from "@/lib/http/handle";
import { otherMethods } from "@/lib/http/methods";
import { readOptionalJson } from "@/lib/http/optional-json";
import { acceptSuggestion } from "@/lib/suggestions/accept-suggestion";
import { suggestionKeyInput } from "@/lib/suggestions/schemas";
import { parseInput } from "@/lib/validation";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string; key: string }> };

/**
 * An editor accepts a suggestion, optionally edited `{ text?, asOf?, kind?, personId? | personName?, role?, newPerson? }`:
 * 201 with the new claim; 404 for a key that is not a suggestion of this source; 422 when the speaker needs a choice.
 */
export const POST = handle<Ctx>(async (req, { params }) => {
  const actor = await requireEditor(req);
  const { id, key } = await params;
  const claim = await acceptSuggestion(getDb(), { actor, sourceId: id, key: parseInput(suggestionKeyInput, decodeURIComponent(key)), input: await readOptionalJson(req) });
  return json(claim, { status: 201, headers: { location: `/api/claims/${claim.id}` } });
});

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
