import type { DbTx } from "../db";
import { notFound } from "../errors";

/** Just a source's verbatim text (to show a quote in its paragraph). */
export async function getSourceText(db: DbTx, id: string): Promise<string> {
  const row = await db.source.findUnique({ where: { id }, select: { text: true } });
  if (!row) throw notFound("source", id);
  return row.text;
}
