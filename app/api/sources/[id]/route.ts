import { getDb } from "@/lib/db";
import { handle, json } from "@/lib/http/handle";
import { getSource } from "@/lib/sources/get-source";
import { otherMethods } from "@/lib/http/methods";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

export const GET = handle<Ctx>(async (_req, { params }) => json(await getSource(getDb(), (await params).id)));

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
