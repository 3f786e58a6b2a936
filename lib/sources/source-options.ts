import type { DbTx } from "../db";
import { sourceLabel } from "./label";
import { listSources } from "./list-sources";

/** Sources as an editor picks them in a form (by the label the lists show), newest first. */
export async function sourceOptions(db: DbTx, take = 1000): Promise<{ id: string; label: string }[]> {
  return (await listSources(db, take)).map((s) => ({ id: s.id, label: sourceLabel(s) }));
}
