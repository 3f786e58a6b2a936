import { publicBaseUrl } from "@/lib/http/base-url";
import { requireEditor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { handle, json, readJson } from "@/lib/http/handle";
import { addSource } from "@/lib/sources/add-source";
import { listSources } from "@/lib/sources/list-sources";
import { otherMethods } from "@/lib/http/methods";

export const dynamic = "force-dynamic";

/** Every source (up to 200) with its claim count, newest publication first. */
export const GET = handle(async () => json({ items: await listSources(getDb()) }));

/**
 * Adds a source from `text`, `html` or a `url` fetched on the server (archived as WARC),
 * plus metadata. 201 `{ source, created: true }` for new text; 200 `{ source, created:
 * false }` when the same text is already stored. Both point at the source with Location,
 * so a client can follow either the same way. `metadataOrigin` says where each field
 * filled from the page came from; `archived` whether a WARC copy was kept.
 */
export const POST = handle(async (req) => {
  const actor = await requireEditor(req);
  const { source, created, metadataFromHtml, metadataOrigin, archived } = await addSource(getDb(), { actor, input: await readJson(req), signal: req.signal });
  return json(
    { source, created, ...(metadataFromHtml.length > 0 ? { metadataFromHtml, metadataOrigin } : {}), archived },
    { status: created ? 201 : 200, headers: { location: `${publicBaseUrl(req)}/api/sources/${source.id}` } },
  );
});

export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
