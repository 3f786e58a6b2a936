import { requireEditor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { handle, json, queryParams } from "@/lib/http/handle";
import { otherMethods } from "@/lib/http/methods";
import { ingest } from "@/lib/ingest/ingest";
import { MAX_INGEST_BYTES } from "@/lib/ingest/schemas";
import { readBodyLines } from "@/lib/streams/read-lines";

export const dynamic = "force-dynamic";

/**
 * POST /api/ingest?skipInvalid=true (editors): the JSON Lines of `verbatim ingest`, read
 * as they arrive. 200 with the counts (and, with skipInvalid, the rejected lines with their
 * reasons); 422 naming the invalid lines when nothing was imported; 413 past 256 MB.
 */
export const POST = handle(async (req) => {
  const actor = await requireEditor(req);
  const { skipInvalid, ...rest } = queryParams(req);
  const unknown = Object.keys(rest);
  if (unknown.length) throw new AppError("bad_request", `Unknown parameter ${unknown.join(", ")}; the only one is skipInvalid.`);
  if (skipInvalid !== undefined && !["true", "false"].includes(skipInvalid)) throw new AppError("bad_request", "skipInvalid: give true or false.");
  const report = await ingest(getDb(), readBodyLines(req.body, MAX_INGEST_BYTES), { actor: { id: actor.id, name: actor.name }, skipInvalid: skipInvalid === "true" });
  return json(report);
});

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
