import { getDb } from "@/lib/db";
import { readDbFor } from "@/lib/db-read";
import { handle, json, queryParams } from "@/lib/http/handle";
import { searchClaims } from "@/lib/search/search-claims";

export const dynamic = "force-dynamic";

/** GET /api/search?q=&status=&person=&source=&cursor=&limit= — ranked claims with highlights and facets. */
export const GET = handle(async (req) => json(await searchClaims(getDb(), readDbFor(), queryParams(req))));
