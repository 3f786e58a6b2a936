import { listClaims } from "@/lib/claims/list-claims";
import { getDb } from "@/lib/db";
import { handle, json, queryParams } from "@/lib/http/handle";

export const dynamic = "force-dynamic";

export const GET = handle(async (req) => json(await listClaims(getDb(), queryParams(req))));
