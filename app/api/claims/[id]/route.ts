import { getClaim } from "@/lib/claims/get-claim";
import { getDb } from "@/lib/db";
import { handle, json } from "@/lib/http/handle";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

export const GET = handle<Ctx>(async (_req, { params }) => json(await getClaim(getDb(), (await params).id)));
