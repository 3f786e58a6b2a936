import { requireEditor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { handle, json } from "@/lib/http/handle";
import { otherMethods } from "@/lib/http/methods";
import { rejectSuggestion, restoreSuggestion } from "@/lib/suggestions/reject-suggestion";
import { suggestionKeyInput } from "@/lib/suggestions/schemas";
import { parseInput } from "@/lib/validation";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string; key: string }> };

const target = async (req: Request, { params }: Ctx) => {
  const actor = await requireEditor(req);
  const { id, key } = await params;
  return { actor, sourceId: id, key: parseInput(suggestionKeyInput, decodeURIComponent(key)) };
};

/** An editor rejects a suggestion: it is not proposed again for this source (`{ key, rejected: true }`). */
export const POST = handle<Ctx>(async (req, ctx) => json(await rejectSuggestion(getDb(), await target(req, ctx))));

/** Undoes the rejection (`{ key, rejected: false }`). */
export const DELETE = handle<Ctx>(async (req, ctx) => json(await restoreSuggestion(getDb(), await target(req, ctx))));

export const { GET, PUT, PATCH } = otherMethods("POST", "DELETE");
