import { readJson } from "./handle";

/** A JSON body that may be left out entirely (no Content-Type, no bytes): `{}` then. */
export async function readOptionalJson(req: Request): Promise<unknown> {
  if (!req.headers.get("content-type") && (req.headers.get("content-length") ?? "0") === "0") return {};
  return readJson(req);
}
