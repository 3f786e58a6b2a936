import { otherMethods } from "@/lib/http/methods";
import { searchApi } from "@/lib/search/search-api";

export const dynamic = "force-dynamic";

/** GET /api/search?q=&status=&person=&source=&cursor=&limit= — ranked claims with highlights and facets (lib/search/search-api.ts). */
export const GET = searchApi;

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
