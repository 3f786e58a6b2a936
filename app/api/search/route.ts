import { getDb } from "@/lib/db";
import { handle, json, queryParams } from "@/lib/http/handle";
import { prepareSearch } from "@/lib/search/search-claims";
import { searchInPool } from "@/lib/search/search-pool";
import { otherMethods } from "@/lib/http/methods";

export const dynamic = "force-dynamic";

/** GET /api/search?q=&status=&person=&source=&cursor=&limit= — ranked claims with highlights and facets. */
export const GET = handle(async (req) => json(await searchInPool(await prepareSearch(getDb(), queryParams(req)))));

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
