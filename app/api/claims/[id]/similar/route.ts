import { databaseUrl } from "@/lib/db-url";
import { readDbFor } from "@/lib/db-read";
import { handle, json, queryParams } from "@/lib/http/handle";
import { otherMethods } from "@/lib/http/methods";
import { similarQueryForClaim } from "@/lib/match/similar-to-claim";
import { similarInPool } from "@/lib/search/search-pool";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

/** GET /api/claims/{id}/similar?limit= (public): the claims most like this one (itself left out), as /api/similar answers. */
export const GET = handle<Ctx>(async (req, { params }) =>
  json({ items: await similarInPool(await similarQueryForClaim(readDbFor(), (await params).id, queryParams(req), databaseUrl())) }),
);

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
