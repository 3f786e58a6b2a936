import type { DbTx } from "../db";
import { resolvePersonId } from "./resolve-person-id";

/** The person with this id or slug (or, for a merged person's, its survivor), or null. */
export async function findPersonId(db: DbTx, idOrSlug: string): Promise<string | null> {
  return (await resolvePersonId(db, idOrSlug))?.id ?? null;
}
