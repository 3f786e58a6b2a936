import { getDb } from "@/lib/db";
import { handle, json } from "@/lib/http/handle";
import { getPerson } from "@/lib/people/get-person";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

export const GET = handle<Ctx>(async (_req, { params }) => json(await getPerson(getDb(), (await params).id)));
