// GET /api/search: the route's handler (app/api/search/route.ts). The server in front of
// Next (scripts/api-answer.mjs) calls this same function for the requests after the first,
// without Next's routing, which alone took about as long as a search at four connections
// (bench/RESULTS.md): what a client gets is the same answer either way.
import { getDb } from "../db";
import { handle, json, queryParams } from "../http/handle";
import { prepareSearch } from "./search-claims";
import { searchInPool } from "./search-pool";

/** GET /api/search?q=&status=&person=&source=&cursor=&limit= — ranked claims with highlights and facets. */
export const searchApi = handle(async (req: Request) => json(await searchInPool(await prepareSearch(getDb(), queryParams(req)))));

// The server finds the handler here once Next has loaded the route's code (its first request).
(globalThis as { verbatimSearchApi?: (req: Request) => Promise<Response> }).verbatimSearchApi = (req) => searchApi(req, undefined);
