import { databaseUrl } from "@/lib/db-url";
import { handle, json, queryParams } from "@/lib/http/handle";
import { otherMethods } from "@/lib/http/methods";
import { similarQueryForText } from "@/lib/match/similar-to-claim";
import { similarInPool } from "@/lib/search/search-pool";

export const dynamic = "force-dynamic";

/** GET /api/similar?text=&personId=&limit= (public): `{ items: [{ claim, score, relation, reason }] }`, best first, at most 50. */
export const GET = handle(async (req) => json({ items: await similarInPool(similarQueryForText(queryParams(req), databaseUrl())) }));

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
