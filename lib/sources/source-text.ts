import type { DbTx } from "../db";
import { notFound } from "../errors";

/** A source's verbatim text and its hash; 404 for an unknown id. */
export async function sourceText(db: DbTx, id: string): Promise<{ text: string; sha256: string }> {
  const row = await db.source.findUnique({ where: { id }, select: { text: true, sha256: true } });
  if (!row) throw notFound("source", id);
  return row;
}
